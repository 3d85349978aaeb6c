using System.Runtime.InteropServices;

namespace PReluKit.Training;

/// <summary>
/// The machine a run was timed on: its host name and CPU model. Not part of a run's identity (the numbers do not depend
/// on it at a fixed thread count and numerics), but epoch times do: time contrasts pair only runs timed on one host.
/// </summary>
/// <param name="Name">The host name.</param>
/// <param name="Cpu">The CPU model (from <c>/proc/cpuinfo</c> on Linux), or the architecture where it cannot be read.</param>
public sealed record HostIdentity(string Name, string Cpu)
{
    /// <summary>This machine.</summary>
    public static HostIdentity Current { get; } = new(Environment.MachineName, CpuModel());

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
