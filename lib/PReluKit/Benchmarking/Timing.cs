using PReluKit.Statistics;

namespace PReluKit.Benchmarking;

/// <summary>Repeated timings of one thing, summarised by the median (robust to the noisy VMs this runs on).</summary>
/// <param name="Name">What was timed.</param>
/// <param name="Seconds">Every measurement, in the order taken.</param>
public sealed record Timing(string Name, IReadOnlyList<double> Seconds)
{
    /// <summary>The median of <see cref="Seconds"/>.</summary>
    public double Median
    {
        get
        {
            var sorted = Seconds.Order().ToArray();
            return sorted.Length == 0 ? double.NaN
                : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
                : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    /// <summary>The smallest measurement.</summary>
    public double Min => Seconds.Count == 0 ? double.NaN : Seconds.Min();

    /// <summary>This timing over <paramref name="other"/>, paired measurement by measurement (<see cref="Interleaved"/> rounds).</summary>
    public RatioInterval RatioTo(Timing other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return RatioInterval.Of(Seconds, other.Seconds);
    }

    /// <summary>
    /// The verdict on this timing against <paramref name="baseline"/>, paired round by round: the percent change with its 95 %
    /// interval, judged against <paramref name="measure"/>'s δ (default <see cref="EffectMeasure.EpochTime"/>).
    /// </summary>
    public Verdict Against(Timing baseline, EffectMeasure? measure = null)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var ratios = Seconds.Zip(baseline.Seconds, (a, b) => a / b).ToList();
        return Verdict.Of(EffectInterval.FromRatio(RatioTo(baseline), ratios), (measure ?? EffectMeasure.EpochTime).InRounds);
    }
}
