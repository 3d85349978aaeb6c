using PReluKit.Activations;
using PReluKit.Statistics;

namespace PReluKit.Summaries;

/// <summary>One activation's results over seeds.</summary>
/// <param name="Activation">The activation.</param>
/// <param name="Runs">Runs found.</param>
/// <param name="Diverged">Runs whose loss became NaN/Inf (left out of the statistics).</param>
/// <param name="TestAccuracy">Final test accuracy in percent, mean ± 95 % CI over completed runs.</param>
/// <param name="TestLoss">Final test loss, mean ± 95 % CI.</param>
/// <param name="EpochSeconds">Mean training seconds per epoch, mean ± 95 % CI over runs.</param>
/// <param name="DeadPercent">Final share of dead units over all activation layers, in percent, mean over runs.</param>
/// <param name="IsBaseline">True for the baseline (ReLU).</param>
/// <param name="VsBaseline">The paired contrast with the baseline; null for the baseline itself, without a baseline, or without pairs.</param>
public sealed record ActivationSummary(
    ActivationSpec Activation, int Runs, int Diverged, MeanInterval? TestAccuracy, MeanInterval? TestLoss, MeanInterval? EpochSeconds,
    double DeadPercent, bool IsBaseline, Contrast? VsBaseline)
{
    /// <summary>The activation's name in tables and charts.</summary>
    public string DisplayName => Activation.DisplayName;
}
