using PReluKit.Data;
using static TorchSharp.torch;

namespace PReluKit.Metrics;

/// <summary>
/// Dead and dormant units per activation layer over a whole dataset pass. "Dead" (a unit whose pre-activation is
/// never positive, so a ReLU outputs 0 for every sample) applies to ReLU; the τ-dormant counts and on-rates apply
/// to every member of the family, including Leaky ReLU and PReLU whose outputs are never exactly 0.
/// </summary>
/// <param name="Layers">One summary per activation layer, in model order.</param>
/// <param name="Units">Per-unit detail, in the same order.</param>
public sealed record DeadNeuronReport(IReadOnlyList<LayerDeadness> Layers, IReadOnlyList<UnitActivity> Units)
{
    /// <summary>All units over all layers that are dead.</summary>
    public int TotalDead => Layers.Sum(l => l.DeadUnits);

    /// <summary>
    /// Counts, per layer, the dead units (never positive over the pass) and the τ-dormant units for every
    /// τ of <see cref="Tau.Reported"/>: the one place where units are counted.
    /// </summary>
    public static DeadNeuronReport Count(IReadOnlyList<UnitActivity> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var layers = units.Select(u => new LayerDeadness(
            u.Layer,
            u.OnRate.Count,
            u.DeadUnits.Count,
            Tau.Reported.ToDictionary(tau => tau, tau => u.DormancyScore.Count(s => s <= tau.Value)),
            u.OnRate.Count == 0 ? 0 : u.OnRate.Average())).ToList();
        return new DeadNeuronReport(layers, units);
    }

    /// <summary>
    /// Runs <paramref name="model"/> over <paramref name="data"/> in evaluation mode without gradients and reports
    /// its activation layers. The model's training mode is restored afterwards.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="data">The dataset pass.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <param name="histograms">Whether to build output histograms (off for cheap per-epoch summaries).</param>
    public static DeadNeuronReport Measure(nn.Module<Tensor, Tensor> model, LabeledTensors data, int batchSize = 256, bool histograms = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var recorder = new ActivationRecorder(model, histograms: histograms);
            using var noGrad = no_grad();
            using var batches = new BatchIterator(data, batchSize, shuffle: false);
            foreach (var (features, _) in batches.Epoch(0))
            {
                using var scope = NewDisposeScope();
                model.call(features);
            }

            return recorder.Report();
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
