using System.Diagnostics;
using System.Runtime.Versioning;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Deploy;

/// <summary>
/// The scripts that start a one-node Slurm cluster (deploy/slurm/try-local.sh, record-depth-lr.sh) stop everything they
/// started when interrupted — slurmctld, slurmd, munged, the job steps, also a job that ignores SIGTERM — and wait until it
/// is gone before they exit; a rerun stops a cluster a killed run left and refuses while another run's cluster is up. The
/// real scripts run with a real Slurm (Debian's slurm-wlm and munge) in a TMPDIR of the test's own, with prelu standing in
/// as a job that ignores SIGTERM and SIGINT.
/// </summary>
[SupportedOSPlatform("linux")] // the Slurm scripts are bash for Linux
public class LocalClusterSignalTests // its tests run one after another (one collection): they share this machine's munged
{
    private const string NeedsRoot = "to start a one-node Slurm cluster (its daemons and munged run as root)";

    // prelu standing in: a job step that will not stop on SIGTERM or SIGINT; it notes its pid and its sleep's.
    private const string StubbornJob = """
        #!/usr/bin/env bash
        trap '' TERM INT
        sleep 600 &
        echo "$$ $!" >> "$MARKS/started"
        wait
        """;

    [RootFact(NeedsRoot)]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Try_local_interrupted_by_ctrl_c_twice_stops_its_cluster_and_jobs_before_it_exits() =>
        InterruptedRunLeavesNothing("deploy/slurm/try-local.sh", Signal.Interrupt, secondInterrupt: true, expectedExit: 130);

    [RootFact(NeedsRoot)]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Record_depth_lr_hung_up_then_interrupted_stops_its_cluster_and_jobs_before_it_exits() =>
        InterruptedRunLeavesNothing("deploy/slurm/record-depth-lr.sh", Signal.HangUp, secondInterrupt: true, expectedExit: 129);

    [RootFact(NeedsRoot)]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Try_local_piped_through_tee_and_terminated_stops_its_cluster_and_jobs_though_tee_is_gone() =>
        InterruptedRunLeavesNothing("deploy/slurm/try-local.sh", Signal.Terminate, secondInterrupt: false, expectedExit: 143, throughTee: true);

    [RootFact(NeedsRoot)]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void A_second_run_refuses_while_the_first_runs_and_a_rerun_stops_the_cluster_a_killed_run_left()
    {
        using var folder = new TempFolder();
        var mungedBefore = MungedRuns();
        using var first = Start(folder, "deploy/slurm/try-local.sh");
        WaitForJobs(folder, first, 1);

        var second = ChildProcess.Run(StartInfo(folder, "deploy/slurm/try-local.sh"), TimeSpan.FromMinutes(2));
        Assert.True(second.ExitCode == 2, $"second run: exit {second.ExitCode}\n{second.Error}");
        Assert.Contains($"a local Slurm cluster of another run is up in {folder.Path}/prelu-slurm.", second.Error);
        Assert.Contains($"(pid {first.Process.Id}:", second.Error);

        // Killed outright (timeout -k, kill -9): no trap runs, the cluster stays up.
        first.Process.Kill();
        first.Process.WaitForExit();
        Assert.NotEmpty(ClusterProcesses(folder));

        using var rerun = Start(folder, "deploy/slurm/try-local.sh");
        WaitForJobs(folder, rerun, 2);
        Interrupt(rerun, Signal.Interrupt, secondInterrupt: false, expectedExit: 130);

        Assert.Contains($"stopping the cluster an earlier run left running in {folder.Path}/prelu-slurm.", rerun.Error.ToString());
        AssertNothingLeft(folder, mungedBefore);
    }

    // throughTee: run it as "script 2>&1 | tee": the signal stops tee too, so the script's messages while it stops go to a
    // closed pipe (and cannot be read here).
    private static void InterruptedRunLeavesNothing(string script, Signal signal, bool secondInterrupt, int expectedExit, bool throughTee = false)
    {
        using var folder = new TempFolder();
        var mungedBefore = MungedRuns();
        using var run = Start(folder, script, throughTee);
        WaitForJobs(folder, run, 1);

        Interrupt(run, signal, secondInterrupt, expectedExit);

        if (!throughTee)
        {
            Assert.Contains($"interrupted (SIG{signal.Name})", run.Error.ToString());
        }

        AssertNothingLeft(folder, mungedBefore);
    }

    /// <summary>Sends <paramref name="signal"/> to the run's process group (as a terminal does), then SIGINT to the script
    /// alone (the one timeout relays) while it stops, and waits for it to exit with <paramref name="expectedExit"/>.</summary>
    private static void Interrupt(Run run, Signal signal, bool secondInterrupt, int expectedExit)
    {
        Send(signal, $"-{run.Process.Id}");
        if (secondInterrupt)
        {
            Thread.Sleep(300);
            Send(Signal.Interrupt, $"{run.Process.Id}");
        }

        Assert.True(run.Process.WaitForExit(TimeSpan.FromMinutes(1)), $"still running a minute after SIG{signal.Name}:\n{run.Error}");
        run.Process.WaitForExit();
        Assert.True(run.Process.ExitCode == expectedExit, $"exit {run.Process.ExitCode}, expected {expectedExit}:\n{run.Error}");
    }

    private static void Send(Signal signal, string target)
    {
        var (code, _, error) = ChildProcess.Run(ChildProcess.StartInfo("kill", "/", ["-s", signal.Name, "--", target]), TimeSpan.FromSeconds(10));
        Assert.True(code == 0, $"kill -s {signal.Name} -- {target}: {error}");
    }

    private static void AssertNothingLeft(TempFolder folder, bool mungedBefore)
    {
        Assert.Empty(ClusterProcesses(folder));
        var jobs = File.ReadAllText(folder.Combine("marks", "started")).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.All(jobs, pid => Assert.False(IsAlive(int.Parse(pid)), $"the job's process {pid} is still there"));
        if (!mungedBefore)
        {
            Assert.False(MungedRuns(), "the munged the script started is still there");
        }

        Assert.Empty(Directory.GetDirectories(folder.Path, "prelu-slurm.*"));
    }

    private static Run Start(TempFolder folder, string script, bool throughTee = false)
    {
        var start = StartInfo(folder, script);
        if (throughTee)
        {
            start.ArgumentList.Insert(0, "-c");
            // The wrapper waits for the script (a caught signal is reset for its children) and exits with its status.
            start.ArgumentList.Insert(1, "trap : INT TERM HUP; bash \"$@\" 2>&1 | tee \"$TEE\"; exit \"${PIPESTATUS[0]}\"");
            start.ArgumentList.Insert(2, "bash");
            start.Environment["TEE"] = folder.Combine("tee.log");
        }

        // Its own process group, so a signal to the group reaches the script and its children, as Ctrl-C in a terminal; and
        // SIGPIPE at its default, as in a terminal (.NET starts children with it ignored).
        start.ArgumentList.Insert(0, "env");
        start.ArgumentList.Insert(1, "--default-signal=PIPE");
        start.ArgumentList.Insert(2, "bash");
        start.FileName = "setsid";
        var process = Process.Start(start)!;
        var error = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (error) { error.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return new Run(process, error);
    }

    private static ProcessStartInfo StartInfo(TempFolder folder, string script)
    {
        Directory.CreateDirectory(folder.Combine("marks"));
        var job = folder.Combine("stubborn-prelu");
        if (!File.Exists(job))
        {
            File.WriteAllText(job, StubbornJob.ReplaceLineEndings("\n") + "\n");
            File.SetUnixFileMode(job, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = ChildProcess.StartInfo("bash", RepositoryRoot.Path, [script]);
        if (script.EndsWith("record-depth-lr.sh", StringComparison.Ordinal))
        {
            start.ArgumentList.Add(folder.Combine("sweep"));
        }

        start.Environment["TMPDIR"] = folder.Path;
        start.Environment["PRELU"] = job;
        start.Environment["MARKS"] = folder.Combine("marks");
        start.Environment.Remove("SLURM_CONF");
        return start;
    }

    /// <summary>Waits until <paramref name="count"/> runs' jobs have started (the stand-in noted itself).</summary>
    private static void WaitForJobs(TempFolder folder, Run run, int count)
    {
        var marks = folder.Combine("marks", "started");
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(marks) && File.ReadAllLines(marks).Length >= count))
        {
            Assert.False(run.Process.HasExited, $"exited {(run.Process.HasExited ? run.Process.ExitCode : 0)} before a job started:\n{run.Error}");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(3), $"no job started in 3 minutes:\n{run.Error}");
            Thread.Sleep(200);
        }
    }

    /// <summary>Live processes of clusters under <paramref name="folder"/>: whose command line names a path in it (slurmctld,
    /// slurmd, job scripts), or a slurmstepd holding a file in it open.</summary>
    private static List<string> ClusterProcesses(TempFolder folder)
    {
        var found = new List<string>();
        foreach (var proc in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var pid = int.Parse(Path.GetFileName(proc));
                if (pid == Environment.ProcessId || !IsAlive(pid))
                {
                    continue;
                }

                var commandLine = File.ReadAllText(Path.Combine(proc, "cmdline")).Replace('\0', ' ');
                var name = File.ReadAllText(Path.Combine(proc, "comm")).Trim();
                var holdsOurFile = name == "slurmstepd" && Directory.GetFileSystemEntries(Path.Combine(proc, "fd"))
                    .Any(fd => new FileInfo(fd).LinkTarget?.StartsWith(folder.Path + "/", StringComparison.Ordinal) == true);
                if (commandLine.Contains(folder.Path + "/", StringComparison.Ordinal) || holdsOurFile)
                {
                    found.Add($"{pid} {name} {commandLine}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // gone meanwhile
            }
        }

        return found;
    }

    private static bool MungedRuns() =>
        Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)).Any(proc =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(proc, "comm")).Trim() == "munged" && IsAlive(int.Parse(Path.GetFileName(proc)));
            }
            catch (IOException)
            {
                return false;
            }
        });

    /// <summary>The process exists and is not a zombie (a zombie has exited; only its parent has not read its status yet).</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private sealed record Run(Process Process, System.Text.StringBuilder Error) : IDisposable
    {
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }

    private sealed record Signal(string Name)
    {
        public static Signal HangUp { get; } = new("HUP");

        public static Signal Interrupt { get; } = new("INT");

        public static Signal Terminate { get; } = new("TERM");
    }
}
