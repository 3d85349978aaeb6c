namespace PReluKit.Metrics;

/// <summary>Per-unit detail of one activation layer over a dataset pass.</summary>
/// <param name="Layer">The layer's name.</param>
/// <param name="OnRate">Per unit: share of positive pre-activations (over samples and positions).</param>
/// <param name="MeanAbsOutput">Per unit: E|hᵢ|, the mean absolute output.</param>
/// <param name="DormancyScore">Per unit: sᵢ = E|hᵢ| / mean over the layer of E|hₖ| (0 for all units of a silent layer).</param>
/// <param name="Histogram">Outputs of the whole layer.</param>
public sealed record UnitActivity(string Layer, IReadOnlyList<double> OnRate, IReadOnlyList<double> MeanAbsOutput,
                                  IReadOnlyList<double> DormancyScore, OutputHistogram Histogram)
{
    /// <summary>Indices of units never positive over the pass.</summary>
    public IReadOnlyList<int> DeadUnits => [.. Enumerable.Range(0, OnRate.Count).Where(i => OnRate[i] == 0)];
}
