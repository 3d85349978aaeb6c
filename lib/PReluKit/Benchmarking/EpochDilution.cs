using System.Globalization;
using PReluKit.Statistics;

namespace PReluKit.Benchmarking;

/// <summary>
/// Whether a whole epoch dilutes the per-call cost of an activation: one model's epoch ratio (PReLU over ReLU) against the
/// per-call ratio of its own tensor layout, decided by intervals.
/// </summary>
public static class EpochDilution
{
    /// <summary>Per-call time as a percent change, δ = 5 % like the epoch's, counted in rounds.</summary>
    public static EffectMeasure PerCall { get; } = (EffectMeasure.EpochTime with { Name = "time per call" }).InRounds;

    /// <summary>
    /// "CNN (conv per call ×1.00 [0.90, 1.11]: equivalent within ±5 %; epoch ×1.10 [0.90, 1.35]): …" — the per-call result
    /// with its verdict label, and whether the epoch ratio's interval lies below the per-call ratio (diluted), above it, or
    /// covers it (not settled); with no settled per-call difference there is nothing to dilute.
    /// </summary>
    public static string Reading(string model, string layout, Timing callPrelu, Timing callRelu, Timing epochPrelu, Timing epochRelu)
    {
        ArgumentNullException.ThrowIfNull(callPrelu);
        ArgumentNullException.ThrowIfNull(callRelu);
        ArgumentNullException.ThrowIfNull(epochPrelu);
        ArgumentNullException.ThrowIfNull(epochRelu);
        var call = callPrelu.RatioTo(callRelu);
        var epoch = epochPrelu.RatioTo(epochRelu);
        var label = callPrelu.Against(callRelu, PerCall).Label;
        var head = $"{model} ({layout} per call ×{Format(call)}: {label}; epoch ×{Format(epoch)})";
        var callPosition = IntervalAgainst.Line(call);
        // Diluted means the epoch's interval lies wholly on the side of the per-call ratio nearer to 1.
        var epochPosition = IntervalAgainst.Line(epoch, call.Ratio);
        var nearerOne = call.Ratio > 1 ? IntervalPosition.Below : IntervalPosition.Above;
        var tail = (callPosition, epochPosition) switch
        {
            (IntervalPosition.TooFew, _) or (_, IntervalPosition.TooFew) => "too few rounds to compare",
            (IntervalPosition.Across, _) => "no settled per-call difference for the epoch to dilute",
            (_, IntervalPosition.Across) => "not settled whether the epoch dilutes it (the epoch interval covers the per-call ratio)",
            _ when epochPosition == nearerOne => "the epoch dilutes the per-call difference (its interval lies closer to 1 than the per-call ratio)",
            _ => "the epoch ratio lies beyond the per-call ratio: not diluted",
        };

        return $"{head}: {tail}";
    }

    private static string Format(RatioInterval r) =>
        r.Count < 2 || double.IsNaN(r.Lower)
            ? string.Create(CultureInfo.InvariantCulture, $"{r.Ratio:0.000}")
            : string.Create(CultureInfo.InvariantCulture, $"{r.Ratio:0.000} [{r.Lower:0.000}, {r.Upper:0.000}]");
}
