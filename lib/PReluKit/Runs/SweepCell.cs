namespace PReluKit.Runs;

/// <summary>One cell of a <see cref="RecordedSweep"/>: its place in the grid and the comparison recorded there.</summary>
/// <param name="Depth">Hidden layers of the MLP.</param>
/// <param name="LearningRate">The SGD learning rate.</param>
/// <param name="Experiment">The cell's recorded comparison (its settings checked against the plan).</param>
public sealed record SweepCell(int Depth, double LearningRate, RecordedExperiment Experiment);
