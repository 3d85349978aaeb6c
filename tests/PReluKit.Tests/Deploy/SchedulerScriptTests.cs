using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Deploy;

/// <summary>
/// The scheduler files in deploy/ run as a scheduler would run them, on this machine: shard 1 of 2 as a Slurm array task
/// (array 3–4, task 3), shard 2 as pod index 1 of the Kubernetes Indexed Job, then the Slurm merge job.
/// </summary>
public partial class SchedulerScriptTests
{
    [Fact]
    public void A_slurm_task_and_a_kubernetes_pod_run_the_two_shards_and_the_merge_job_summarises_them()
    {
        using var folder = new TempFolder();
        var environment = new Dictionary<string, string>
        {
            ["PRELU"] = $"dotnet {PreluCli.Assembly}",
            ["RESULTS"] = folder.Path,
            ["SWEEP"] = "--epochs 1 --seeds 2 --activations relu,prelu",
            ["PRELUKIT_DATA"] = RepositoryRoot.Combine("data"),
        };

        Bash(environment, "deploy/slurm/compare-shards.sbatch",
             ("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_MIN", "3"), ("SLURM_ARRAY_TASK_COUNT", "2"), ("SLURM_CPUS_PER_TASK", "1"));
        var pod = PodCommand().Match(File.ReadAllText(RepositoryRoot.Combine("deploy", "k8s", "compare-shards.yaml")));
        Assert.True(pod.Success, "compare-shards.yaml has no bash -c command");
        Bash(environment, "-c", ("JOB_COMPLETION_INDEX", "1"), ("SHARDS", "2"), ("THREADS", "1"), ("SCRIPT", pod.Groups[1].Value));

        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder.Path, "shard-1", "runs"), "*.json").Length);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder.Path, "shard-2", "runs"), "*.json").Length);

        Bash(environment, "deploy/slurm/merge.sbatch");
        Assert.Equal(4, Directory.GetFiles(Path.Combine(folder.Path, "merged", "runs"), "*.json").Length);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(folder.Path, "merged", "summary.csv")).Length);
        Assert.True(File.Exists(Path.Combine(folder.Path, "merged", "report.html")));
    }

    [Fact]
    [SupportedOSPlatform("linux")] // the scheduler scripts are bash for Linux clusters
    public void Submit_queues_the_array_with_the_sites_settings_and_a_merge_that_slurm_cancels_when_a_shard_fails()
    {
        // sbatch stands in here: it records its arguments and answers with a job id as --parsable does.
        using var folder = new TempFolder();
        var results = Path.Combine(folder.Path, "results");
        var log = Path.Combine(folder.Path, "sbatch.log");
        var start = ChildProcess.StartInfo("bash", RepositoryRoot.Path, ["deploy/slurm/submit.sh"]);
        StandInCommand.Install(start, folder.Path, "sbatch",
                               "#!/usr/bin/env bash\necho \"$*\" >> \"$SBATCH_LOG\"\necho \"$((40 + $(wc -l < \"$SBATCH_LOG\")));cluster\"\n");
        start.Environment["SBATCH_LOG"] = log;
        start.Environment["RESULTS"] = results;
        start.Environment["PRELU"] = PreluCli.Assembly;
        start.Environment["PARTITION"] = "short";
        start.Environment["ACCOUNT"] = "lab42";
        start.Environment["SHARDS"] = "3";
        start.Environment["CPUS_PER_SHARD"] = "2";
        start.Environment["SHARD_TIME"] = "01:00:00";

        var (exitCode, output, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 0, $"submit.sh: exit {exitCode}\n{output}\n{error}");
        Assert.Equal("array=41 merge=42", output.TrimEnd().Split('\n')[^1]);
        var calls = File.ReadAllLines(log);
        Assert.Equal(2, calls.Length);
        Assert.Equal(
            $"--parsable --export=ALL --partition=short --account=lab42 --array=1-3 --cpus-per-task=2 --mem=8G --time=01:00:00 " +
            $"--output={results}/logs/shard-%A_%a.out deploy/slurm/compare-shards.sbatch", calls[0]);
        Assert.StartsWith("--parsable --export=ALL --partition=short --account=lab42 --dependency=afterok:41 --kill-on-invalid-dep=yes ", calls[1]);
        Assert.EndsWith($"--output={results}/logs/merge-%j.out deploy/slurm/merge.sbatch", calls[1]);
        Assert.True(Directory.Exists(Path.Combine(results, "logs")), "the jobs' log folder must exist before Slurm opens their output files");
    }

    private static void Bash(Dictionary<string, string> environment, string script, params (string Name, string Value)[] extra)
    {
        var start = ChildProcess.StartInfo("bash", RepositoryRoot.Path, [script]);
        foreach (var (name, value) in environment.Concat(extra.Select(e => KeyValuePair.Create(e.Name, e.Value))))
        {
            start.Environment[name] = value;
        }

        if (script == "-c")
        {
            start.ArgumentList.Add(start.Environment["SCRIPT"]!);
        }

        var (exitCode, output, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"{script}: exit {exitCode}\n{output}\n{error}");
    }

    [GeneratedRegex("""command: \["bash", "-c", "(.+)"\]""")]
    private static partial Regex PodCommand();
}
