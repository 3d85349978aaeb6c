using PReluKit.Activations;
using PReluKit.Statistics;

namespace PReluKit.Summaries;

/// <summary>One activation's results over seeds.</summary>
/// <param name="Activation">The activation.</param>
/// <param name="Runs">Runs found.</param>
/// <param name="Diverged">Runs whose loss became NaN/Inf (failed by <see cref="Training.FailureRule"/>: left out of the statistics).</param>
/// <param name="TestAccuracy">Final test accuracy in percent, mean ± 95 % CI over the runs that trained.</param>
/// <param name="TestLoss">Final test loss, mean ± 95 % CI.</param>
/// <param name="EpochSeconds">Mean training seconds per epoch, mean ± 95 % CI over runs.</param>
/// <param name="DeadPercent">Final share of dead units over all activation layers, in percent, mean over runs.</param>
/// <param name="IsBaseline">True for the baseline (ReLU).</param>
/// <param name="VsBaseline">The paired contrast with the baseline; null for the baseline itself, without a baseline, or without pairs.</param>
public sealed record ActivationSummary(
    ActivationSpec Activation, int Runs, int Diverged, MeanInterval? TestAccuracy, MeanInterval? TestLoss, MeanInterval? EpochSeconds,
    double DeadPercent, bool IsBaseline, Contrast? VsBaseline)
{
    /// <summary>Runs that ended at chance accuracy with finite losses (failed by <see cref="Training.FailureRule"/>: left out of the statistics).</summary>
    public int Collapsed { get; init; }

    /// <summary>Runs that failed, diverged or collapsed.</summary>
    public int Failed => Diverged + Collapsed;

    /// <summary>Runs that trained: the ones the statistics are over.</summary>
    public int Trained => Runs - Failed;

    /// <summary>"5", or "5 (1 diverged, 2 at chance)": the runs and the failed ones counted apart, for tables.</summary>
    public string RunsCounted =>
        Failed == 0 ? $"{Runs}"
            : $"{Runs} ({string.Join(", ", new[] { Diverged > 0 ? $"{Diverged} diverged" : null, Collapsed > 0 ? $"{Collapsed} at chance" : null }.OfType<string>())})";

    /// <summary>The activation's name in tables and charts.</summary>
    public string DisplayName => Activation.DisplayName;
}
