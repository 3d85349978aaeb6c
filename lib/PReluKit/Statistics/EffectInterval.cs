namespace PReluKit.Statistics;

/// <summary>A paired effect with its 95 % interval, on the scale of its <see cref="EffectMeasure"/>.</summary>
/// <param name="Estimate">The estimate (a mean difference, or a percent change).</param>
/// <param name="Lower">Lower end of the interval (NaN with one pair).</param>
/// <param name="Upper">Upper end of the interval (NaN with one pair).</param>
/// <param name="Pairs">Pairs (seeds) it rests on.</param>
/// <param name="Spread">Standard deviation of one pair's effect, on the same scale (NaN with one pair).</param>
public sealed record EffectInterval(double Estimate, double Lower, double Upper, int Pairs, double Spread)
{
    /// <summary>True when there is an interval (two or more pairs).</summary>
    public bool HasInterval => !double.IsNaN(Lower) && !double.IsNaN(Upper);

    /// <summary>A mean difference of paired values (<see cref="MeanInterval"/> of the differences).</summary>
    public static EffectInterval FromDifference(MeanInterval difference, IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(difference);
        ArgumentNullException.ThrowIfNull(values);
        var mean = values.Average();
        var spread = values.Count < 2 ? double.NaN : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new EffectInterval(difference.Mean, difference.Lower, difference.Upper, difference.Count, spread);
    }

    /// <summary>A paired ratio as a percent change: (ratio − 1) × 100, interval mapped the same way.</summary>
    public static EffectInterval FromRatio(RatioInterval ratio, IReadOnlyCollection<double> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        ArgumentNullException.ThrowIfNull(ratios);
        var logs = ratios.Select(r => Math.Log(r)).ToList();
        var mean = logs.Average();
        var spread = logs.Count < 2 ? double.NaN : 100 * ratio.Ratio * Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / (logs.Count - 1));
        return new EffectInterval(100 * (ratio.Ratio - 1), 100 * (ratio.Lower - 1), 100 * (ratio.Upper - 1), ratio.Count, spread);
    }
}
