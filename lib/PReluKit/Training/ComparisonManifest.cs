namespace PReluKit.Training;

/// <summary>
/// <c>comparison.json</c> in a results folder: which comparison the folder's summary, CSVs and report belong to. Written
/// when a comparison starts, so a later run into the folder under other settings is refused rather than mixed in.
/// </summary>
/// <param name="Config">The activations, seeds and training settings.</param>
/// <param name="Identity">Settings, data, threads and numerics the runs share.</param>
/// <param name="Command">The command that made it.</param>
/// <param name="Started">When it started.</param>
public sealed record ComparisonManifest(ComparisonConfig Config, ComparisonIdentity Identity, string Command, DateTimeOffset Started)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "comparison.json";
}
