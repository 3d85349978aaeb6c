using PReluKit.Native;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Native;

/// <summary>
/// The kit's OpenMP defaults: idle workers sleep (a passive wait policy in the C library's environment before libtorch loads),
/// at most one thread per CPU the process may use, and a user's own setting wins.
/// </summary>
public class CooperativeThreadingTests
{
    [Fact]
    public void In_this_process_the_wait_policy_reached_the_c_librarys_environment_before_libtorch_loaded()
    {
        var threading = TorchNative.Threading;
        Assert.NotNull(threading);
        var expected = Environment.GetEnvironmentVariable(CooperativeThreading.WaitPolicyVariable);
        Assert.Equal(expected, threading.WaitPolicy);
        Assert.NotEqual(ThreadingSource.TooLate, threading.WaitPolicySource);
        if (threading.WaitPolicySource == ThreadingSource.Kit)
        {
            Assert.Equal(CooperativeThreading.Passive, threading.WaitPolicy);
        }

        // What libgomp read when it was loaded: the C library's environment, not .NET's copy of it.
        Assert.Equal(threading.WaitPolicy, CooperativeThreading.NativeValue(CooperativeThreading.WaitPolicyVariable));
        Assert.Equal(TestSetup.ThreadsPerTest, threading.Threads);
    }

    [Fact]
    public void A_process_started_bare_waits_passively_with_one_thread_per_cpu()
    {
        var output = Demo(new Dictionary<string, string?>());
        var cpus = Environment.ProcessorCount;
        var source = cpus < CooperativeThreading.AffinityCpus() ? "kit default" : "OpenMP default";
        Assert.Contains($"OpenMP waits PASSIVE (kit default), {cpus} threads for {cpus} CPUs ({source})", output);
        Assert.Contains($"libtorch uses {cpus}", output);
    }

    [Fact]
    public void A_process_pinned_to_one_cpu_uses_one_thread()
    {
        var output = Demo(new Dictionary<string, string?>(), "taskset", "-c", "0");
        Assert.Contains("OpenMP waits PASSIVE (kit default), 1 threads for 1 CPUs (OpenMP default)", output);
        Assert.Contains("libtorch uses 1", output);
    }

    [Fact]
    public void The_users_own_settings_win()
    {
        var output = Demo(new Dictionary<string, string?>
        {
            [CooperativeThreading.WaitPolicyVariable] = "ACTIVE", [CooperativeThreading.ThreadCountVariable] = "1",
        });
        Assert.Contains($"OpenMP waits ACTIVE (set by the user), 1 threads for {Environment.ProcessorCount} CPUs (set by the user)", output);
        Assert.Contains("libtorch uses 1", output);
    }

    [Fact]
    public void Fewer_cpus_allowed_means_fewer_threads()
    {
        // DOTNET_PROCESSOR_COUNT stands in for an affinity mask or a cgroup quota: Environment.ProcessorCount honours all three.
        var output = Demo(new Dictionary<string, string?> { ["DOTNET_PROCESSOR_COUNT"] = "1" });
        Assert.Contains("OpenMP waits PASSIVE (kit default), 1 threads for 1 CPUs (kit default)", output);
        Assert.Contains("libtorch uses 1", output);
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData("4,2", 4)]
    [InlineData(" 3 ", 3)]
    [InlineData("0", null)]
    [InlineData("many", null)]
    [InlineData(null, null)]
    public void OMP_NUM_THREADS_is_read_as_its_first_positive_number(string? value, int? expected) =>
        Assert.Equal(expected, CooperativeThreading.ParseThreads(value));

    [Theory]
    [InlineData("0-1", 2)]
    [InlineData("0", 1)]
    [InlineData(" 0-3,8,10-11\n", 7)]
    [InlineData("3-1", null)]
    [InlineData("a-b", null)]
    [InlineData("", null)]
    public void An_affinity_list_counts_its_cpus(string list, int? expected) => Assert.Equal(expected, CooperativeThreading.CountCpuList(list));

    /// <summary>Runs <c>prelu demo --steps 1</c> without the test process's OpenMP settings, plus <paramref name="environment"/>.</summary>
    private static string Demo(Dictionary<string, string?> environment, params string[] launcher)
    {
        var start = PreluCli.StartInfo(RepositoryRoot.Path, "demo", "--steps", "1");
        if (launcher.Length > 0)
        {
            // The same command under a launcher such as taskset: launcher ARGS… dotnet prelu.dll demo …
            var command = new[] { start.FileName }.Concat(start.ArgumentList).ToList();
            start.FileName = launcher[0];
            start.ArgumentList.Clear();
            foreach (var argument in launcher.Skip(1).Concat(command))
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.Environment.Remove(CooperativeThreading.WaitPolicyVariable);
        start.Environment.Remove(CooperativeThreading.ThreadCountVariable);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var (code, output, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"exit {code}: {error}");
        return output;
    }
}
