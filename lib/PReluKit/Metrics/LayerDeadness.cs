namespace PReluKit.Metrics;

/// <summary>Dead and dormant units of one activation layer over a dataset pass (counted by <see cref="DeadNeuronReport.Count"/>).</summary>
/// <param name="Layer">The activation layer's name, e.g. <c>fc1_act</c>.</param>
/// <param name="Units">Units: dense features or conv channels (dim 1 of the layer's input).</param>
/// <param name="DeadUnits">Units whose pre-activation was never positive over the pass (output 0 throughout for ReLU).</param>
/// <param name="Dormant">τ → units with dormancy score sᵢ ≤ τ (Sokar et al. 2023), for τ ∈ <see cref="Tau.Reported"/>.</param>
/// <param name="MeanOnRate">Mean over units of the share of positive pre-activations.</param>
public sealed record LayerDeadness(string Layer, int Units, int DeadUnits, IReadOnlyDictionary<Tau, int> Dormant, double MeanOnRate)
{
    /// <summary>Dead units in percent of the layer.</summary>
    public double DeadPercent => Units == 0 ? 0 : 100.0 * DeadUnits / Units;

    /// <summary>Dormant units at <paramref name="tau"/> in percent of the layer.</summary>
    public double DormantPercent(Tau tau) => Units == 0 ? 0 : 100.0 * Dormant[tau] / Units;
}
