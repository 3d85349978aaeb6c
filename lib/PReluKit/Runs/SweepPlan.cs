namespace PReluKit.Runs;

/// <summary>
/// <c>sweep.json</c> of a recorded sweep: the grid it covers, one <see cref="SweepPlanCell"/> per comparison folder, so a
/// missing or extra cell is found by name rather than by listing folders.
/// </summary>
/// <param name="Width">The hidden width of every layer of every cell's MLP.</param>
/// <param name="Cells">The cells, each a recorded comparison in the folder of its name.</param>
public sealed record SweepPlan(int Width, IReadOnlyList<SweepPlanCell> Cells)
{
    /// <summary>The plan's file name in the sweep's folder.</summary>
    public const string FileName = "sweep.json";
}
