using System.Runtime.Versioning;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Deploy;

/// <summary>
/// deploy/slurm/submit.sh checks every value before it queues or creates anything, and works with paths that hold spaces.
/// It runs from a copy of the deploy scripts in a folder whose name has a space (a clone there), with sbatch standing in.
/// </summary>
[SupportedOSPlatform("linux")] // the scheduler scripts are bash for Linux clusters
public class SubmitScriptTests
{
    // sbatch standing in for a cluster that runs each job at once: an array's tasks one after another, then the job
    // (the merge) itself, each with Slurm's variables and its --output file; it answers with a job id as --parsable does.
    private const string RunningSbatch = """
        #!/usr/bin/env bash
        echo "$*" >> "$SBATCH_LOG"
        id=$((40 + $(wc -l < "$SBATCH_LOG")))
        tasks=0 cpus=1 output=""
        for arg in "$@"; do
          case $arg in
            --array=1-*) tasks=${arg#--array=1-} ;;
            --cpus-per-task=*) cpus=${arg#*=} ;;
            --output=*) output=${arg#*=} ;;
          esac
        done
        script=${!#}
        if [[ $tasks -gt 0 ]]; then
          for task in $(seq "$tasks"); do
            log=${output//%A/$id}
            SLURM_ARRAY_TASK_ID=$task SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_COUNT=$tasks SLURM_CPUS_PER_TASK=$cpus \
              bash "$script" > "${log//%a/$task}" 2>&1 || exit 1
          done
        else
          SLURM_CPUS_PER_TASK=$cpus bash "$script" > "${output//%j/$id}" 2>&1 || exit 1
        fi
        echo "$id;cluster"
        """;

    public static TheoryData<string, string?, string> Refusals => new()
    {
        { "SHARDS", "0", "SHARDS='0': expected a whole number ≥ 1" },
        { "SHARDS", "two", "SHARDS='two': expected a whole number ≥ 1" },
        { "CPUS_PER_SHARD", "1.5", "CPUS_PER_SHARD='1.5': expected a whole number ≥ 1" },
        { "MEM_PER_SHARD", "8GB", "MEM_PER_SHARD='8GB': expected memory as sbatch --mem takes it" },
        { "SHARD_TIME", "8h", "SHARD_TIME='8h': expected a time limit as sbatch --time takes it" },
        { "MERGE_TIME", "00:30:00:00", "MERGE_TIME='00:30:00:00': expected a time limit as sbatch --time takes it" },
        { "PARTITION", "gpu queue", "PARTITION='gpu queue': expected a partition name" },
        { "ACCOUNT", "lab;rm", "ACCOUNT='lab;rm': expected an account name" },
        { "PRELUKIT_FASHION_MNIST", "/nonexistent/fashion", "PRELUKIT_FASHION_MNIST='/nonexistent/fashion': expected a folder" },
        { "PRELU", null, "build/prelu/prelu.dll': no such file (publish it: dotnet publish lib/PReluKit.Cli" },
        { "PRELU", "prelu-not-installed", "PRELU='prelu-not-installed': 'prelu-not-installed' is not a command here" },
        { "PRELU", "dotnet /nonexistent/prelu.dll", "PRELU='dotnet /nonexistent/prelu.dll': /nonexistent/prelu.dll: no such file" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void A_wrong_value_is_refused_in_one_line_naming_it_before_anything_is_queued_or_created(string variable, string? value, string expected)
    {
        using var folder = new TempFolder();
        var clone = CopyOfDeployScripts(folder);
        var results = Path.Combine(folder.Path, "results");
        var start = Submit(folder, clone, results, "#!/usr/bin/env bash\necho \"$*\" >> \"$SBATCH_LOG\"\necho 41\n");
        if (value is null)
        {
            start.Environment.Remove(variable);
        }
        else
        {
            start.Environment[variable] = value;
        }

        var (exitCode, output, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 2, $"submit.sh: exit {exitCode}\n{output}\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("submit.sh: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.False(File.Exists(start.Environment["SBATCH_LOG"]), "sbatch was called");
        Assert.False(Directory.Exists(results), "the results folder was created");
    }

    [Fact]
    public void When_sbatch_refuses_the_array_its_message_is_said_and_the_log_folder_made_for_it_is_removed()
    {
        using var folder = new TempFolder();
        var clone = CopyOfDeployScripts(folder);
        var results = Path.Combine(folder.Path, "new", "results");
        var start = Submit(folder, clone, results,
                           "#!/usr/bin/env bash\necho 'sbatch: error: invalid partition specified: nosuch' >&2\nexit 1\n");
        start.Environment["PARTITION"] = "nosuch";

        var (exitCode, output, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 1, $"submit.sh: exit {exitCode}\n{output}\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("sbatch refused the shards' array (PARTITION='nosuch'", line);
        Assert.Contains("invalid partition specified: nosuch", line);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "new")), "the folders made for the logs were left");
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void A_sweep_runs_and_merges_with_the_clone_prelu_and_results_in_paths_with_spaces()
    {
        using var folder = new TempFolder();
        var clone = CopyOfDeployScripts(folder);
        // prelu.dll in a folder whose name has a space (a link to the build: dotnet resolves it to the build's folder).
        var build = Directory.CreateDirectory(Path.Combine(folder.Path, "prelu build")).FullName;
        var prelu = Path.Combine(build, "prelu.dll");
        File.CreateSymbolicLink(prelu, PreluCli.Assembly);
        var results = Path.Combine(folder.Path, "sweep results");
        var start = Submit(folder, clone, results, RunningSbatch);
        start.Environment["PRELU"] = prelu;
        start.Environment["SHARDS"] = "2";
        start.Environment["CPUS_PER_SHARD"] = "1";
        start.Environment["SWEEP"] = "--epochs 1 --seeds 2 --activations relu,prelu";
        start.Environment["PRELUKIT_DATA"] = RepositoryRoot.Combine("data");

        var (exitCode, output, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(5));

        Assert.True(exitCode == 0, $"submit.sh: exit {exitCode}\n{output}\n{error}");
        Assert.Equal("array=41 merge=42", output.TrimEnd().Split('\n')[^1]);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(results, "merged", "summary.csv")).Length);
        Assert.Equal(["merge-42.out", "shard-41_1.out", "shard-41_2.out"],
                     Directory.GetFiles(Path.Combine(results, "logs")).Select(Path.GetFileName).Order());
    }

    /// <summary>deploy/*.sh and deploy/slurm/ copied into "a clone" under <paramref name="folder"/>, modes kept.</summary>
    private static string CopyOfDeployScripts(TempFolder folder)
    {
        var clone = folder.Combine("a clone");
        foreach (var source in Directory.GetFiles(RepositoryRoot.Combine("deploy"), "*.sh")
                     .Concat(Directory.GetFiles(RepositoryRoot.Combine("deploy", "slurm"))))
        {
            var target = Path.Combine(clone, Path.GetRelativePath(RepositoryRoot.Path, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        return clone;
    }

    private static System.Diagnostics.ProcessStartInfo Submit(TempFolder folder, string clone, string results, string sbatch)
    {
        var start = ChildProcess.StartInfo("bash", clone, ["deploy/slurm/submit.sh"]);
        StandInCommand.Install(start, folder.Path, "sbatch", sbatch);
        start.Environment["SBATCH_LOG"] = folder.Combine("sbatch.log");
        start.Environment["RESULTS"] = results;
        start.Environment["PRELU"] = PreluCli.Assembly;
        foreach (var name in new[] { "SHARDS", "CPUS_PER_SHARD", "MEM_PER_SHARD", "SHARD_TIME", "MERGE_TIME", "PARTITION", "ACCOUNT", "PRELUKIT_FASHION_MNIST" })
        {
            start.Environment.Remove(name);
        }

        return start;
    }
}
