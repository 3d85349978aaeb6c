using PReluKit.Training;

namespace PReluKit.Tests.Training;

/// <summary>The host a run records is the node a scheduler names, so pods and containers on one node time alike.</summary>
public class HostIdentityTests
{
    [Theory]
    [InlineData(null, null, "pod-7f9c")]
    [InlineData("node07", null, "node07")]
    [InlineData(null, "k8s-node-3", "k8s-node-3")]
    [InlineData("node07", "k8s-node-3", "node07")]
    [InlineData("  ", " k8s-node-3 ", "k8s-node-3")]
    public void The_node_a_scheduler_names_wins_over_the_host_name(string? slurm, string? kubernetes, string expected)
    {
        var environment = new Dictionary<string, string?> { ["SLURMD_NODENAME"] = slurm, ["PRELUKIT_NODE_NAME"] = kubernetes };

        Assert.Equal(expected, HostIdentity.NodeName(name => environment.GetValueOrDefault(name), "pod-7f9c"));
    }
}
