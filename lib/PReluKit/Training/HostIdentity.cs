using System.Runtime.InteropServices;

namespace PReluKit.Training;

/// <summary>
/// The machine a run was timed on: its node name and CPU model. Not part of a run's identity (the numbers do not depend
/// on it at a fixed thread count and numerics), but epoch times do: time contrasts pair only runs timed on one host.
/// </summary>
/// <param name="Name">The node a scheduler says the run was placed on (<see cref="NodeNameVariables"/>), else the host name.
/// Containers and pods on one node each have a host name of their own, so the host name alone would part runs timed on
/// the same machine.</param>
/// <param name="Cpu">The CPU model (from <c>/proc/cpuinfo</c> on Linux), or the architecture where it cannot be read.</param>
public sealed record HostIdentity(string Name, string Cpu)
{
    /// <summary>The environment variables that name the node, first set one wins: Slurm's own <c>SLURMD_NODENAME</c>, then
    /// <c>PRELUKIT_NODE_NAME</c>, which the Kubernetes manifests (deploy/k8s/) set from the pod's <c>spec.nodeName</c>
    /// through the downward API.</summary>
    public static IReadOnlyList<string> NodeNameVariables { get; } = ["SLURMD_NODENAME", "PRELUKIT_NODE_NAME"];

    /// <summary>This machine.</summary>
    public static HostIdentity Current { get; } = new(NodeName(Environment.GetEnvironmentVariable, Environment.MachineName), CpuModel());

    /// <summary>The node named by the first of <see cref="NodeNameVariables"/> that <paramref name="environment"/> sets to a
    /// name, else <paramref name="hostName"/>.</summary>
    public static string NodeName(Func<string, string?> environment, string hostName)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return NodeNameVariables.Select(environment).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim() ?? hostName;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Cpu})";

    private static string CpuModel()
    {
        try
        {
            // x86 names the model "model name"; many ARM kernels give "Model" or "Hardware" instead.
            var lines = File.ReadLines("/proc/cpuinfo").Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
                .Select(p => (Key: p[0].Trim(), Value: p[1].Trim())).ToList();
            foreach (var key in new[] { "model name", "Model", "Hardware" })
            {
                if (lines.FirstOrDefault(l => l.Key == key) is { Value.Length: > 0 } found)
                {
                    return found.Value;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or /proc hidden: the architecture is what can be said.
        }

        return $"{RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} cores";
    }
}
