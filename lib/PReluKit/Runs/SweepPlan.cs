namespace PReluKit.Runs;

/// <summary>
/// <c>sweep.json</c> of a recorded sweep: the grid it covers, one <see cref="SweepPlanCell"/> per comparison folder, so a
/// missing or extra cell is found by name rather than by listing folders, and what every cell must hold.
/// </summary>
/// <param name="Width">The hidden width of every layer of every cell's MLP.</param>
/// <param name="Cells">The cells, each a recorded comparison in the folder of its name: every depth at every learning rate.</param>
/// <param name="EveryCell">The runs every cell holds: activations, seeds, epochs and data.</param>
public sealed record SweepPlan(int Width, IReadOnlyList<SweepPlanCell> Cells, RecordedPlan EveryCell)
{
    /// <summary>The plan's file name in the sweep's folder.</summary>
    public const string FileName = "sweep.json";
}
