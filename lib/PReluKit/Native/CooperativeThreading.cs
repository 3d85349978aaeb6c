using System.Globalization;
using System.Runtime.InteropServices;

namespace PReluKit.Native;

/// <summary>
/// Makes libtorch's OpenMP team share the machine: its idle workers sleep instead of spinning, and it uses no more threads
/// than the CPUs this process may use. Applied by <see cref="TorchNative.EnsureLoaded"/> before libtorch loads.
/// </summary>
/// <remarks>
/// <para>
/// libgomp's workers spin after each parallel region by default. Beside another busy process a spinning worker that the
/// scheduler takes off its core stalls every later region until it runs again, so an epoch beside busy processes ran many
/// times slower than its fair share (README, Performance). With <c>OMP_WAIT_POLICY=PASSIVE</c> they sleep on a futex.
/// libgomp reads its settings once, when it is loaded, so they are put into the process's native environment before
/// libtorch (which loads libgomp) is; .NET's own <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not
/// reach the C library's environment on Unix.
/// </para>
/// <para>
/// libgomp sizes its team by the CPU affinity mask and ignores a cgroup CPU quota (containers, Slurm, Kubernetes limits);
/// <see cref="Environment.ProcessorCount"/> honours both, and <c>DOTNET_PROCESSOR_COUNT</c> lowers it further. Where it is
/// lower than the affinity mask, <c>OMP_NUM_THREADS</c> is set to it; elsewhere libgomp's own default already fits.
/// </para>
/// <para>A value the user set for either variable wins. Child processes inherit the same settings.</para>
/// </remarks>
public static partial class CooperativeThreading
{
    /// <summary>The OpenMP wait policy variable.</summary>
    public const string WaitPolicyVariable = "OMP_WAIT_POLICY";

    /// <summary>The OpenMP team size variable.</summary>
    public const string ThreadCountVariable = "OMP_NUM_THREADS";

    /// <summary>The wait policy the kit sets where the user set none.</summary>
    public const string Passive = "PASSIVE";

    /// <summary>
    /// Puts the kit's defaults into the environment unless the user set them, and says what holds. Call before the OpenMP
    /// runtime is loaded; afterwards it changes nothing and says so.
    /// </summary>
    /// <param name="openMpLoaded">Whether an OpenMP runtime is already in the process (then nothing can change).</param>
    internal static ThreadingDefaults Apply(bool openMpLoaded)
    {
        var cpus = Environment.ProcessorCount;
        var userPolicy = Environment.GetEnvironmentVariable(WaitPolicyVariable);
        var userThreads = Environment.GetEnvironmentVariable(ThreadCountVariable);
        if (openMpLoaded)
        {
            return new ThreadingDefaults(userPolicy, ThreadingSource.TooLate, ParseThreads(userThreads), ThreadingSource.TooLate, cpus);
        }

        var (policy, policySource) = userPolicy is { Length: > 0 }
            ? (userPolicy, ThreadingSource.User)
            : (Set(WaitPolicyVariable, Passive), ThreadingSource.Kit);
        if (userThreads is { Length: > 0 })
        {
            return new ThreadingDefaults(policy, policySource, ParseThreads(userThreads), ThreadingSource.User, cpus);
        }

        // Only where libgomp would start more threads than the process may use: setting OMP_NUM_THREADS at all changes how
        // libtorch's math libraries split small work, and slowed CNN epochs on an idle machine (README, Performance).
        if (AffinityCpus() is { } affinity && cpus < affinity)
        {
            Set(ThreadCountVariable, cpus.ToString(CultureInfo.InvariantCulture));
            return new ThreadingDefaults(policy, policySource, cpus, ThreadingSource.Kit, cpus);
        }

        return new ThreadingDefaults(policy, policySource, cpus, ThreadingSource.Runtime, cpus);
    }

    /// <summary>The CPUs in this process's affinity mask (what libgomp sizes its team by), from /proc; null off Linux.</summary>
    internal static int? AffinityCpus()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal));
        return line is null ? null : CountCpuList(line["Cpus_allowed_list:".Length..]);
    }

    /// <summary>The CPUs in a Linux CPU list such as "0-3,8,10-11" (6 there); null when it does not parse.</summary>
    internal static int? CountCpuList(string list)
    {
        var count = 0;
        foreach (var part in list.Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-');
            if (bounds.Length is < 1 or > 2 || !bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return null;
            }

            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            if (last < first)
            {
                return null;
            }

            count += last - first + 1;
        }

        return count > 0 ? count : null;
    }

    private static string Set(string name, string value)
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = SetEnv(name, value, overwrite: 0);
        }

        Environment.SetEnvironmentVariable(name, value); // the managed view, and what child processes inherit
        return value;
    }

    /// <summary>The first number of an OMP_NUM_THREADS list ("4" or "4,2"), or null when there is none.</summary>
    internal static int? ParseThreads(string? value) =>
        value?.Split(',')[0].Trim() is { } first && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    /// <summary>A variable as the C library (and so libgomp) sees it; null where unset or on Windows.</summary>
    internal static string? NativeValue(string name) => OperatingSystem.IsWindows() ? null : Marshal.PtrToStringUTF8(GetEnv(name));

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnv(string name);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
