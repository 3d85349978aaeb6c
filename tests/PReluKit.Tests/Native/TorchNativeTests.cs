using System.Runtime.InteropServices;
using PReluKit.Native;
using static TorchSharp.torch;

namespace PReluKit.Tests.Native;

public class TorchNativeTests
{
    [Fact]
    public void After_the_fix_torch_works_and_exactly_one_libtorch_cpu_is_mapped()
    {
        TorchNative.EnsureLoaded();
        using var x = ones(3, 3);
        using var y = x.matmul(x);
        Assert.Equal(3f, y[0, 0].item<float>());

        Assert.Single(TorchNative.MappedFiles("libtorch_cpu.so"));
        Assert.Single(TorchNative.MappedFiles("libLibTorchSharp.so"));
    }

    [Fact]
    public void The_fix_is_applied_exactly_when_libstdcxx_lacks_the_version()
    {
        var outcome = TorchNative.EnsureLoaded();
        var systemHasVersion = NativeLibrary.TryLoad("libstdc++.so.6", out var handle)
                               && NativeLibrary.TryGetExport(handle, TorchNative.OnlyUserOfVersion, out _);
        var disabled = Environment.GetEnvironmentVariable(TorchNative.DisableVariable) is "1" or "true";

        Assert.Equal(!systemHasVersion && !disabled, outcome.Applied);
        if (outcome.Applied)
        {
            Assert.Equal(outcome.PatchedPath, Assert.Single(TorchNative.MappedFiles("libLibTorchSharp.so")));
        }
    }

    [Fact]
    public void EnsureLoaded_is_idempotent_and_thread_safe()
    {
        var outcomes = new NativeLoadOutcome[16];
        Parallel.For(0, outcomes.Length, i => outcomes[i] = TorchNative.EnsureLoaded());
        Assert.All(outcomes, o => Assert.Same(outcomes[0], o));
        Assert.Same(outcomes[0], TorchNative.Outcome);
    }

    [Fact]
    public void The_patched_copy_is_written_once_atomically_and_reused()
    {
        var cache = Directory.CreateTempSubdirectory("prelukit-cache-").FullName;
        try
        {
            var paths = new string[8];
            Parallel.For(0, paths.Length, i => paths[i] = TorchNative.PatchedCopyPath(ElfVersionPatcherTests.OriginalLibrary, cache));

            Assert.All(paths, p => Assert.Equal(paths[0], p));
            var bytes = File.ReadAllBytes(paths[0]);
            Assert.True(ElfVersionPatcher.IsWeak(bytes, TorchNative.MissingVersion, paths[0]));
            Assert.Equal(new FileInfo(ElfVersionPatcherTests.OriginalLibrary).Length, bytes.Length);
            var written = File.GetLastWriteTimeUtc(paths[0]);
            Assert.Equal(paths[0], TorchNative.PatchedCopyPath(ElfVersionPatcherTests.OriginalLibrary, cache));
            Assert.Equal(written, File.GetLastWriteTimeUtc(paths[0]));
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(paths[0])!)); // no temp files left behind
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    [Theory]
    [InlineData(false, null, null, false, "not Linux")]
    [InlineData(true, "1", null, false, "is set")]
    [InlineData(true, "TRUE", null, false, "is set")]
    [InlineData(true, null, "/x/libLibTorchSharp.so", false, "already loaded")]
    [InlineData(true, null, null, true, "already provides")]
    [InlineData(true, "0", null, false, null)]
    [InlineData(true, null, null, false, null)]
    public void The_fix_is_skipped_exactly_when_it_is_not_needed(bool linux, string? disable, string? loaded, bool hasVersion, string? reason)
    {
        var skip = TorchNative.SkipReason(linux, disable, loaded, () => hasVersion);
        if (reason is null)
        {
            Assert.Null(skip);
        }
        else
        {
            Assert.Contains(reason, skip);
        }
    }

    [Fact]
    public void The_allocator_tuning_is_accepted_by_glibc_on_Linux()
    {
        var glibc = OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _);
        var disabled = Environment.GetEnvironmentVariable(AllocatorTuning.DisableVariable) is "1" or "true";
        Assert.Equal(glibc && !disabled, AllocatorTuning.Apply());
    }
}
