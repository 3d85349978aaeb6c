using System.Text.RegularExpressions;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Cli;

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
