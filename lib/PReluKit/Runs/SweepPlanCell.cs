namespace PReluKit.Runs;

/// <summary>One cell of a <see cref="SweepPlan"/>: the folder that holds its comparison and the settings it must have.</summary>
/// <param name="Name">The cell's folder inside the sweep's, e.g. <c>depth8-lr0.1</c>.</param>
/// <param name="Depth">Hidden layers of its MLP.</param>
/// <param name="LearningRate">Its SGD learning rate.</param>
public sealed record SweepPlanCell(string Name, int Depth, double LearningRate);
