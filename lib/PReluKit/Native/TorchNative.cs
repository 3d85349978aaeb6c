using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PReluKit.IO;
using TorchSharp;

namespace PReluKit.Native;

/// <summary>
/// Makes TorchSharp's native library load on Linux systems whose libstdc++ predates GCC 13
/// (Debian 12, Ubuntu 22.04). Call <see cref="EnsureLoaded"/> before the first <c>torch.*</c> call.
/// </summary>
/// <remarks>
/// <para>
/// <c>libLibTorchSharp.so</c> in TorchSharp 0.107 records a need for <c>GLIBCXX_3.4.32</c> although the only
/// symbol of that version, <c>_ZSt21ios_base_library_initv</c>, is never bound. The loader's version check
/// alone rejects the file, and TorchSharp then reports a misleading "doesn't contain a reference to
/// libtorch-cpu" error. This class loads a copy in which that one requirement is marked weak.
/// </para>
/// <para>
/// It does nothing on Windows or macOS, when libstdc++ already has the version, when TorchSharp's library is
/// already loaded, or when the environment variable <see cref="DisableVariable"/> is <c>1</c> or <c>true</c>.
/// </para>
/// </remarks>
public static class TorchNative
{
    /// <summary>Set to <c>1</c> or <c>true</c> to switch the fix off.</summary>
    public const string DisableVariable = "PRELUKIT_NATIVE_FIX_DISABLE";

    /// <summary>Overrides the folder that holds the patched copies (default: the user's cache folder).</summary>
    public const string CacheVariable = "PRELUKIT_NATIVE_CACHE";

    internal const string MissingVersion = "GLIBCXX_3.4.32";
    internal const string OnlyUserOfVersion = "_ZSt21ios_base_library_initv";
    private const string TorchSharpLibrary = "libLibTorchSharp.so";

    private static readonly Lock Gate = new();
    private static NativeLoadOutcome? _outcome;

    /// <summary>What the last call of <see cref="EnsureLoaded"/> did; null before the first call.</summary>
    public static NativeLoadOutcome? Outcome => _outcome;

    /// <summary>The OpenMP settings <see cref="EnsureLoaded"/> left in force (<see cref="CooperativeThreading"/>); null before the first call.</summary>
    public static ThreadingDefaults? Threading { get; private set; }

    /// <summary>
    /// Applies the fix once per process; later calls return the first outcome. Thread-safe. It also applies
    /// <see cref="CooperativeThreading"/> and <see cref="AllocatorTuning"/>, since every kit entry point passes through here
    /// before its first torch use.
    /// </summary>
    /// <returns>What was done and why.</returns>
    /// <exception cref="InvalidOperationException">The fix was needed but could not be applied; the message says why.</exception>
    public static NativeLoadOutcome EnsureLoaded()
    {
        lock (Gate)
        {
            if (_outcome is null)
            {
                // Before anything loads libtorch: libgomp reads its settings once, when it is loaded.
                Threading = CooperativeThreading.Apply(OperatingSystem.IsLinux() && MappedPaths().Any(IsOpenMpRuntime));
                AllocatorTuning.Apply();
                _outcome = Apply();
            }

            return _outcome;
        }
    }

    private static NativeLoadOutcome Apply()
    {
        var skip = SkipReason(
            OperatingSystem.IsLinux(),
            Environment.GetEnvironmentVariable(DisableVariable),
            OperatingSystem.IsLinux() ? LoadedLibraryPath(TorchSharpLibrary) : null,
            () => SystemLibStdCxxHasVersion());
        if (skip is not null)
        {
            return NativeLoadOutcome.Skipped(skip);
        }

        try
        {
            return LoadPatchedCopy();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or DllNotFoundException or BadImageFormatException)
        {
            throw new InvalidOperationException(
                $"PReluKit could not make TorchSharp's native library loadable on this system: {e.Message} " +
                $"(set {DisableVariable}=1 to skip this fix).", e);
        }
    }

    /// <summary>Why the fix is not needed, or null when it is. The libstdc++ probe runs only when it matters.</summary>
    internal static string? SkipReason(bool isLinux, string? disableValue, string? loadedTorchSharp, Func<bool> libStdCxxHasVersion)
    {
        if (!isLinux)
        {
            return "not Linux";
        }

        if (disableValue is "1" || string.Equals(disableValue, "true", StringComparison.OrdinalIgnoreCase))
        {
            return $"{DisableVariable} is set";
        }

        if (loadedTorchSharp is not null)
        {
            return $"{TorchSharpLibrary} is already loaded from {loadedTorchSharp}";
        }

        return libStdCxxHasVersion() ? $"libstdc++ already provides {MissingVersion}" : null;
    }

    private static NativeLoadOutcome LoadPatchedCopy()
    {
        // Load libtorch_cpu exactly as TorchSharp does, so the same file is used and no second copy can appear.
        var torchAssembly = typeof(torch).Assembly;
        if (!NativeLibrary.TryLoad("torch_cpu", torchAssembly, null, out _))
        {
            throw new DllNotFoundException(
                "libtorch_cpu.so was not found next to the application; reference the TorchSharp-cpu package");
        }

        var torchCpu = LoadedLibraryPath("libtorch_cpu.so") ?? throw new DllNotFoundException(
            MappedPaths().FirstOrDefault(p => Path.GetFileName(p).StartsWith("libtorch_cpu.so.", StringComparison.Ordinal)) is { } other
                ? $"a different libtorch was loaded for torch_cpu ({other}), not TorchSharp's; a system libtorch (e.g. Debian's libtorch1.13 from python3-torch) shadows it"
                : "libtorch_cpu.so was loaded but does not appear in /proc/self/maps");
        var libtorchFolder = Path.GetDirectoryName(torchCpu)!;
        var original = FindOriginal(libtorchFolder, torchAssembly);
        var copy = PatchedCopyPath(original, CacheRoot());

        foreach (var neighbour in new[] { "libc10.so", "libtorch.so" })
        {
            var path = Path.Combine(libtorchFolder, neighbour);
            if (File.Exists(path))
            {
                NativeLibrary.Load(path);
            }
        }

        // The copy's SONAME is libLibTorchSharp.so, so TorchSharp's own later load by name finds this one.
        NativeLibrary.Load(copy);
        return NativeLoadOutcome.Patched(original, copy);
    }

    /// <summary>Finds TorchSharp's original <c>libLibTorchSharp.so</c>.</summary>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification =
        "Location is empty in a single-file app; the app's own folder (AppContext.BaseDirectory) is searched as well.")]
    private static string FindOriginal(string libtorchFolder, Assembly torchAssembly)
    {
        var managedFolder = Path.GetDirectoryName(torchAssembly.Location) ?? string.Empty;
        string[] candidates =
        [
            Path.Combine(libtorchFolder, TorchSharpLibrary),
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", TorchSharpLibrary),
            Path.Combine(managedFolder, TorchSharpLibrary),
            Path.Combine(managedFolder, "runtimes", "linux-x64", "native", TorchSharpLibrary),
            // NuGet package layout: lib/net8.0/TorchSharp.dll next to runtimes/linux-x64/native/.
            Path.GetFullPath(Path.Combine(managedFolder, "..", "..", "runtimes", "linux-x64", "native", TorchSharpLibrary)),
        ];
        return candidates.FirstOrDefault(File.Exists)
               ?? throw new FileNotFoundException(
                   $"{TorchSharpLibrary} was not found; looked in: {string.Join(", ", candidates)}");
    }

    /// <summary>
    /// Returns the path of the weakened copy of <paramref name="original"/>, creating it if needed.
    /// The folder is keyed by the original's hash; the file is written to a temp name and renamed,
    /// so parallel processes never see a half-written library.
    /// </summary>
    internal static string PatchedCopyPath(string original, string cacheRoot)
    {
        var bytes = File.ReadAllBytes(original);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        var folder = Path.Combine(cacheRoot, hash);
        var target = Path.Combine(folder, TorchSharpLibrary);
        if (File.Exists(target))
        {
            return target;
        }

        var (patched, _) = ElfVersionPatcher.Patch(bytes, MissingVersion, [OnlyUserOfVersion], original);
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllBytes(target, patched);
        return target;
    }

    private static string CacheRoot() =>
        Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } custom ? custom : UserCache.Folder("native");

    private static bool SystemLibStdCxxHasVersion()
    {
        if (!NativeLibrary.TryLoad("libstdc++.so.6", out var handle))
        {
            return false;
        }

        // The one symbol that GCC 13 added under GLIBCXX_3.4.32 and that TorchSharp's library asks for.
        return NativeLibrary.TryGetExport(handle, OnlyUserOfVersion, out _);
    }

    /// <summary>The paths of the mapped files whose name is <paramref name="fileName"/>, from /proc/self/maps.</summary>
    public static IReadOnlyList<string> MappedFiles(string fileName) =>
        MappedPaths().Where(path => Path.GetFileName(path) == fileName).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Every file path in /proc/self/maps (one per mapping, so with repeats).</summary>
    internal static IEnumerable<string> MappedPaths() =>
        File.ReadLines("/proc/self/maps")
            .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..] : null)
            .OfType<string>();

    private static bool IsOpenMpRuntime(string path) =>
        Path.GetFileName(path) is var name && (name.StartsWith("libgomp", StringComparison.Ordinal) || name.StartsWith("libiomp", StringComparison.Ordinal));

    private static string? LoadedLibraryPath(string fileName) => MappedFiles(fileName).FirstOrDefault();
}
