using System.Globalization;

namespace PReluKit.Native;

/// <summary>What <see cref="CooperativeThreading"/> left in force for libtorch's OpenMP team.</summary>
/// <param name="WaitPolicy">The OpenMP wait policy in force (null: the runtime's default, which spins).</param>
/// <param name="WaitPolicySource">Where it came from.</param>
/// <param name="Threads">The team size from the environment (null: the runtime's default, one per CPU in the affinity mask).</param>
/// <param name="ThreadsSource">Where it came from.</param>
/// <param name="Cpus">The CPUs this process may use (affinity and cgroup quota, as <see cref="Environment.ProcessorCount"/>).</param>
public sealed record ThreadingDefaults(string? WaitPolicy, ThreadingSource WaitPolicySource, int? Threads, ThreadingSource ThreadsSource, int Cpus)
{
    /// <summary>One line for logs and setup cells, e.g. "OpenMP waits PASSIVE (kit default), 2 threads for 2 CPUs (kit default)".</summary>
    public override string ToString()
    {
        var threads = Threads is { } n ? n.ToString(CultureInfo.InvariantCulture) : "the runtime's default";
        return $"OpenMP waits {WaitPolicy ?? "by spinning (runtime default)"} ({Describe(WaitPolicySource)}), " +
               $"{threads} threads for {Cpus} CPUs ({Describe(ThreadsSource)})";
    }

    private static string Describe(ThreadingSource source) => source switch
    {
        ThreadingSource.Kit => "kit default",
        ThreadingSource.User => "set by the user",
        ThreadingSource.Runtime => "OpenMP default",
        _ => "OpenMP was loaded before the kit; set OMP_WAIT_POLICY=PASSIVE before starting",
    };
}
