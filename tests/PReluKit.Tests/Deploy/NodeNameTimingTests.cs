using System.Text.Json.Nodes;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Deploy;

/// <summary>
/// Shards run in containers or pods each have a host name of their own; where the scheduler names the node (Slurm's
/// SLURMD_NODENAME, the Kubernetes manifests' PRELUKIT_NODE_NAME), runs on one node record that node and their times compare.
/// Each shard runs the real <c>prelu</c> in a UTS namespace of its own (<c>unshare --uts</c>) with its own host name.
/// </summary>
public class NodeNameTimingTests
{
    private const string DifferentMachines = "not compared: timed on different machines";

    [RootFact("to give each shard a host name of its own (unshare --uts)")]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Shards_with_their_own_host_names_on_one_scheduler_node_are_timed_alike_and_without_a_node_name_are_not()
    {
        using var folder = new TempFolder();
        Shard(folder.Path, "1/2", "a", "container-a", ("SLURMD_NODENAME", "node07"));
        Shard(folder.Path, "2/2", "b", "container-b", ("SLURMD_NODENAME", "node07"));
        Shard(folder.Path, "2/2", "k", "pod-k", ("PRELUKIT_NODE_NAME", "node07"));
        Shard(folder.Path, "2/2", "c", "container-c");

        Assert.All(new[] { "a", "b", "k" }, shard => Assert.Equal("node07", RecordedHost(folder.Combine(shard))));
        Assert.Equal("container-c", RecordedHost(folder.Combine("c")));

        Assert.DoesNotContain("not compared", Merge(folder, "a", "b"));
        Assert.DoesNotContain("not compared", Merge(folder, "a", "k"));
        Assert.Contains(DifferentMachines, Merge(folder, "a", "c"));
    }

    private static void Shard(string folder, string shard, string output, string hostName, params (string Name, string Value)[] environment)
    {
        var start = ChildProcess.StartInfo("unshare", folder,
            ["--uts", "bash", "-c", "hostname \"$0\" && exec \"$@\"", hostName, "dotnet", PreluCli.Assembly,
             .. PreluCli.TinyComparison, "--threads", "1", "--shard", shard, "--out", output]);
        start.Environment["PRELUKIT_DATA"] = RepositoryRoot.Combine("data");
        foreach (var name in new[] { "SLURMD_NODENAME", "PRELUKIT_NODE_NAME" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var (code, stdout, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"shard {shard} as {hostName}: exit {code}\n{stdout}\n{error}");
    }

    private static string? RecordedHost(string shard) =>
        (string?)JsonNode.Parse(File.ReadAllText(Directory.GetFiles(Path.Combine(shard, "runs"), "*.json")[0]))!["Host"]!["Name"];

    private static string Merge(TempFolder folder, string first, string second)
    {
        var output = $"merged-{first}{second}";
        var (code, stdout, error) = PreluCli.Run(folder.Path, "compare", "--merge", first, second, "--out", output);
        Assert.True(code == 0, $"merge {first} {second}: exit {code}\n{stdout}\n{error}");
        return File.ReadAllText(folder.Combine(output, "contrasts.csv"));
    }
}
