using System.Runtime.InteropServices;

namespace PReluKit.Native;

/// <summary>
/// Keeps glibc's allocator from handing large tensor buffers back to the kernel after every batch.
/// </summary>
/// <remarks>
/// By default glibc serves blocks above a dynamic threshold with fresh <c>mmap</c> calls and trims the heap eagerly,
/// so every activation of a few MB is page-faulted in again on each batch, which made CNN evaluation passes several times
/// slower and their timings erratic. Fixing the mmap threshold at its maximum (32 MiB) and raising the trim threshold keeps those
/// blocks in the heap for reuse, as PyTorch users do with <c>MALLOC_MMAP_THRESHOLD_</c>. No effect off glibc Linux;
/// <see cref="DisableVariable"/> = 1 switches it off.
/// </remarks>
public static class AllocatorTuning
{
    /// <summary>Set to <c>1</c> or <c>true</c> to leave glibc's allocator as it is.</summary>
    public const string DisableVariable = "PRELUKIT_MALLOC_TUNING_DISABLE";

    private const int MallocTrimThreshold = -1;
    private const int MallocMmapThreshold = -3;
    private const int MmapThreshold = 32 * 1024 * 1024;
    private const int TrimThreshold = 1024 * 1024 * 1024;

    /// <summary>Applies the settings; returns true when glibc accepted them.</summary>
    public static bool Apply()
    {
        var disable = Environment.GetEnvironmentVariable(DisableVariable);
        if (!OperatingSystem.IsLinux() || disable is "1" || string.Equals(disable, "true", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            // mallopt returns 1 on success, 0 on error.
            return Mallopt(MallocMmapThreshold, MmapThreshold) == 1 && Mallopt(MallocTrimThreshold, TrimThreshold) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false; // not glibc (e.g. musl)
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int parameter, int value);
}
