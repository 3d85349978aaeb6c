using MathNet.Numerics.Distributions;

namespace PReluKit.Statistics;

/// <summary>
/// The ratio of two paired measurements (A over B, pair by pair) as a geometric mean with its Student-t interval on the log
/// scale: the right summary for time ratios, which multiply, and whose pairs (adjacent in time, or sharing a seed) cancel drift.
/// </summary>
/// <param name="Ratio">exp(mean of ln(aᵢ / bᵢ)).</param>
/// <param name="Lower">Lower end of the interval.</param>
/// <param name="Upper">Upper end of the interval.</param>
/// <param name="Count">Number of pairs.</param>
/// <param name="Level">Confidence level.</param>
public sealed record RatioInterval(double Ratio, double Lower, double Upper, int Count, double Level)
{
    /// <summary>The paired ratio of <paramref name="a"/> over <paramref name="b"/> (the same length, all positive).</summary>
    /// <exception cref="ArgumentException">Lengths differ, no pairs, or a value that is not positive.</exception>
    public static RatioInterval Of(IReadOnlyList<double> a, IReadOnlyList<double> b, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count || a.Count == 0 || a.Concat(b).Any(v => !(v > 0) || double.IsInfinity(v)))
        {
            throw new ArgumentException($"RatioInterval: need pairs of positive numbers, got {a.Count} and {b.Count} values.");
        }

        var logs = a.Zip(b, (x, y) => Math.Log(x / y)).ToList();
        var mean = logs.Average();
        if (logs.Count < 2)
        {
            return new RatioInterval(Math.Exp(mean), double.NaN, double.NaN, 1, level);
        }

        var sd = Math.Sqrt(logs.Sum(l => (l - mean) * (l - mean)) / (logs.Count - 1));
        var half = StudentT.InvCDF(0, 1, logs.Count - 1, 1 - ((1 - level) / 2)) * sd / Math.Sqrt(logs.Count);
        return new RatioInterval(Math.Exp(mean), Math.Exp(mean - half), Math.Exp(mean + half), logs.Count, level);
    }

    /// <summary>"1.043 (95 % CI 1.021–1.066)", "1.043 (one pair)", or "1.043 (2 pairs: too few to judge)" below <see cref="Verdict.MinPairs"/>.</summary>
    public override string ToString() =>
        Count == 0 ? "not compared"
        : double.IsNaN(Lower)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Ratio:0.000} (one pair)")
        : Count < Verdict.MinPairs
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Ratio:0.000} ({Count} pairs: too few to judge)")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Ratio:0.000} ({Level * 100:0} % CI {Lower:0.000}–{Upper:0.000})");
}
