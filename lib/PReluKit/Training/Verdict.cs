using System.Globalization;
using PReluKit.Statistics;

namespace PReluKit.Training;

/// <summary>The verdict on one activation's accuracy against the baseline, from the paired difference and its 95 % interval.</summary>
/// <param name="Kind">What the interval says.</param>
/// <param name="Difference">The paired difference in percentage points, when there are pairs.</param>
public sealed record Verdict(VerdictKind Kind, MeanInterval? Difference)
{
    /// <summary>The verdict for a difference against the baseline (null when there are no pairs).</summary>
    public static Verdict Of(MeanInterval? difference, bool hasBaseline) => new(
        !hasBaseline ? VerdictKind.NoBaseline
        : difference is null ? VerdictKind.NoPairs
        : double.IsNaN(difference.HalfWidth) ? VerdictKind.SingleSeed
        : difference.CoversZero ? VerdictKind.NotConfirmed
        : difference.Mean > 0 ? VerdictKind.Higher : VerdictKind.Lower,
        difference);

    /// <summary>The verdict of the baseline row.</summary>
    public static Verdict Baseline { get; } = new(VerdictKind.Baseline, null);

    /// <summary>A word or two for narrow tables: baseline, higher, lower, not confirmed, or —.</summary>
    public string Short => Kind switch
    {
        VerdictKind.Baseline => "baseline",
        VerdictKind.NoBaseline or VerdictKind.NoPairs => "—",
        VerdictKind.SingleSeed or VerdictKind.NotConfirmed => "not confirmed",
        VerdictKind.Higher => "higher",
        _ => "lower",
    };

    /// <summary>The verdict as a sentence with the difference, e.g. "+0.23 ± 1.27 points vs ReLU (95 % CI covers 0): not confirmed at this scale".</summary>
    public string Text => Kind switch
    {
        VerdictKind.Baseline => "baseline",
        VerdictKind.NoBaseline => "no ReLU runs to compare with",
        VerdictKind.NoPairs => "no completed run shares a seed with ReLU",
        VerdictKind.SingleSeed => $"{Points} vs ReLU from one seed: no interval, not confirmed",
        VerdictKind.NotConfirmed => $"{Points} vs ReLU (95 % CI covers 0): not confirmed at this scale",
        VerdictKind.Higher => $"{Points} vs ReLU: higher, confirmed (95 % CI excludes 0)",
        _ => $"{Points} vs ReLU: lower, confirmed (95 % CI excludes 0)",
    };

    /// <inheritdoc />
    public override string ToString() => Text;

    private string Points
    {
        get
        {
            var d = Difference!;
            var mean = d.Mean.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
            return double.IsNaN(d.HalfWidth) ? $"{mean} points" : $"{mean} ± {d.HalfWidth.ToString("0.00", CultureInfo.InvariantCulture)} points";
        }
    }
}
