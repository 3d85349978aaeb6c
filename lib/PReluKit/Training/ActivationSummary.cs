using PReluKit.Statistics;

namespace PReluKit.Training;

/// <summary>One activation's results over seeds.</summary>
/// <param name="Activation">Canonical key, e.g. <c>prelu:0.25</c>.</param>
/// <param name="DisplayName">The name tables and charts show.</param>
/// <param name="Runs">Runs found.</param>
/// <param name="Diverged">Runs whose loss became NaN/Inf (left out of the statistics).</param>
/// <param name="TestAccuracy">Final test accuracy in percent, mean ± 95 % CI over completed runs.</param>
/// <param name="TestLoss">Final test loss, mean ± 95 % CI.</param>
/// <param name="AccuracyVsBaseline">Paired difference to the baseline in percentage points (same seeds); null for the baseline or without pairs.</param>
/// <param name="EpochSeconds">Mean training seconds per epoch, mean ± 95 % CI over runs.</param>
/// <param name="TimeRatioVsBaseline">Paired ratio of epoch time to the baseline's; null for the baseline or without pairs.</param>
/// <param name="DeadPercent">Final share of dead units over all activation layers, in percent, mean over runs.</param>
/// <param name="Verdict">The accuracy difference in words.</param>
public sealed record ActivationSummary(
    string Activation, string DisplayName, int Runs, int Diverged, MeanInterval? TestAccuracy, MeanInterval? TestLoss,
    MeanInterval? AccuracyVsBaseline, MeanInterval? EpochSeconds, MeanInterval? TimeRatioVsBaseline, double DeadPercent, string Verdict)
{
    /// <summary>The verdict in a word or two: baseline, higher, lower, or not confirmed.</summary>
    public string ShortVerdict => AccuracyVsBaseline switch
    {
        null => Verdict == "baseline" ? "baseline" : "—",
        { CoversZero: true } => "not confirmed",
        { Mean: > 0 } => "higher",
        _ => "lower",
    };
}
