namespace PReluKit.Runs;

/// <summary>Where a recorded experiment comes from: the commit, command, machine and time that made it.</summary>
/// <param name="Commit">The git commit the runs were trained at.</param>
/// <param name="Command">The command that made them (run from the repository root).</param>
/// <param name="Machine">CPU, cores and OS.</param>
/// <param name="Started">When the command started.</param>
/// <param name="WallSeconds">How long it took.</param>
/// <param name="Threads">Intra-op threads (part of every run's identity).</param>
/// <param name="Numerics">The <see cref="NumericsFingerprint"/> of the machine at that thread count.</param>
public sealed record ExperimentProvenance(string Commit, string Command, string Machine, DateTimeOffset Started, double WallSeconds, int Threads,
                                         string Numerics)
{
    /// <summary>The provenance file's name beside the runs.</summary>
    public const string FileName = "provenance.json";
}
