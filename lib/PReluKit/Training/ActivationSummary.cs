using PReluKit.Activations;
using PReluKit.Statistics;

namespace PReluKit.Training;

/// <summary>One activation's results over seeds.</summary>
/// <param name="Activation">The activation.</param>
/// <param name="Runs">Runs found.</param>
/// <param name="Diverged">Runs whose loss became NaN/Inf (left out of the statistics).</param>
/// <param name="TestAccuracy">Final test accuracy in percent, mean ± 95 % CI over completed runs.</param>
/// <param name="TestLoss">Final test loss, mean ± 95 % CI.</param>
/// <param name="AccuracyVsBaseline">Paired difference to the baseline in percentage points (same seeds); null for the baseline or without pairs.</param>
/// <param name="EpochSeconds">Mean training seconds per epoch, mean ± 95 % CI over runs.</param>
/// <param name="TimeRatioVsBaseline">Paired ratio of epoch time to the baseline's; null for the baseline or without pairs.</param>
/// <param name="DeadPercent">Final share of dead units over all activation layers, in percent, mean over runs.</param>
/// <param name="Verdict">What the accuracy difference says.</param>
public sealed record ActivationSummary(
    ActivationSpec Activation, int Runs, int Diverged, MeanInterval? TestAccuracy, MeanInterval? TestLoss,
    MeanInterval? AccuracyVsBaseline, MeanInterval? EpochSeconds, MeanInterval? TimeRatioVsBaseline, double DeadPercent, Verdict Verdict)
{
    /// <summary>The activation's name in tables and charts.</summary>
    public string DisplayName => Activation.DisplayName;

    /// <summary>True for the baseline's row.</summary>
    public bool IsBaseline => Verdict.Kind == VerdictKind.Baseline;
}
