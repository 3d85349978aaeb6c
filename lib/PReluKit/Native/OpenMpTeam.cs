using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PReluKit.Native;

/// <summary>
/// Runs managed work on libtorch's own OpenMP team: the calling thread and the worker threads libgomp keeps for
/// libtorch's parallel ops.
/// </summary>
/// <remarks>
/// .NET's thread pool would compete for the cores with those workers; running where libtorch runs its parallel work keeps
/// one team of at most one thread per CPU (<see cref="CooperativeThreading"/>). The entry points are libgomp's own (<c>GOMP_parallel</c>,
/// <c>omp_get_thread_num</c>, <c>omp_get_num_threads</c>), bound in the libgomp that libtorch loaded. Where there is
/// none (another OpenMP runtime, or none), <see cref="IsAvailable"/> is false and callers run serially.
/// </remarks>
internal static unsafe class OpenMpTeam
{
    private static readonly delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<IntPtr, void>, IntPtr, uint, uint, void> Parallel;
    private static readonly delegate* unmanaged[Cdecl]<int> ThreadNumber;
    private static readonly delegate* unmanaged[Cdecl]<int> ThreadCount;

    static OpenMpTeam()
    {
        TorchNative.EnsureLoaded();
        _ = TorchSharp.torch.get_num_threads(); // libtorch (and with it libgomp) is loaded by now
        var path = OperatingSystem.IsLinux()
            ? TorchNative.MappedPaths().FirstOrDefault(p => Path.GetFileName(p).StartsWith("libgomp", StringComparison.Ordinal))
            : null;
        if (path is not null && NativeLibrary.TryLoad(path, out var gomp) &&
            NativeLibrary.TryGetExport(gomp, "GOMP_parallel", out var parallel) &&
            NativeLibrary.TryGetExport(gomp, "omp_get_thread_num", out var number) &&
            NativeLibrary.TryGetExport(gomp, "omp_get_num_threads", out var count))
        {
            Parallel = (delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<IntPtr, void>, IntPtr, uint, uint, void>)parallel;
            ThreadNumber = (delegate* unmanaged[Cdecl]<int>)number;
            ThreadCount = (delegate* unmanaged[Cdecl]<int>)count;
        }
    }

    /// <summary>True when libtorch's libgomp was found.</summary>
    public static bool IsAvailable => Parallel != null;

    /// <summary>
    /// Calls <paramref name="body"/>(thread, threads) once on each of <paramref name="threads"/> team threads (the calling
    /// thread is thread 0) and returns when all have finished; an exception in any of them is rethrown here.
    /// </summary>
    public static void Run(int threads, Action<int, int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!IsAvailable || threads <= 1)
        {
            body(0, 1);
            return;
        }

        var work = new Work(body);
        var handle = GCHandle.Alloc(work);
        try
        {
            Parallel(&Trampoline, GCHandle.ToIntPtr(handle), (uint)threads, 0);
        }
        finally
        {
            handle.Free();
        }

        if (work.Failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }

    /// <summary>
    /// Elements of simple per-element work worth one thread: libtorch's own grain size (<c>at::internal::GRAIN_SIZE</c>),
    /// below which its parallel ops run on the calling thread, because waking a sleeping worker costs more than it saves.
    /// </summary>
    public const long GrainElements = 32_768;

    /// <summary>
    /// Calls <paramref name="body"/>(start, end) on blocks of <paramref name="count"/> items that the team's threads
    /// claim one after another from a shared counter, and returns when every item is done; like <c>at::parallel_for</c>,
    /// it uses no more threads than there are <paramref name="grain"/>s of items, so small work stays on the calling thread.
    /// </summary>
    /// <remarks>
    /// Claiming instead of a fixed split (item i to thread i mod n) keeps a busy machine from stalling the team: a thread
    /// the scheduler takes away holds up only the block in hand while the others finish the rest. Which thread runs a
    /// block is left to chance, so a caller whose result must not depend on it writes each item's partial result to the
    /// item's own place. About eight blocks per thread balance that against one atomic add per block.
    /// </remarks>
    public static void For(long count, long grain, Action<long, long> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(grain, 1);
        if (count == 0)
        {
            return;
        }

        var threads = (int)Math.Min(TorchSharp.torch.get_num_threads(), (count + grain - 1) / grain);
        if (!IsAvailable || threads <= 1)
        {
            body(0, count);
            return;
        }

        var block = Math.Max(1, count / (threads * BlocksPerThread));
        var next = new StrongBox<long>(0);
        Run(threads, (_, _) =>
        {
            for (var start = Interlocked.Add(ref next.Value, block) - block; start < count;
                 start = Interlocked.Add(ref next.Value, block) - block)
            {
                body(start, Math.Min(count, start + block));
            }
        });
    }

    /// <summary>The grain, in items, of work whose items hold <paramref name="elementsPerItem"/> elements each.</summary>
    public static long GrainOf(long elementsPerItem) => Math.Max(1, GrainElements / Math.Max(1, elementsPerItem));

    private const int BlocksPerThread = 8;

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Trampoline(IntPtr data)
    {
        var work = (Work)GCHandle.FromIntPtr(data).Target!;
        try
        {
            work.Body(ThreadNumber(), ThreadCount());
        }
        catch (Exception e)
        {
            work.Failure ??= e; // exceptions must not cross into native code
        }
    }

    private sealed class Work(Action<int, int> body)
    {
        public Action<int, int> Body { get; } = body;

        public Exception? Failure { get; set; }
    }
}
