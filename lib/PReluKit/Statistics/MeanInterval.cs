using MathNet.Numerics.Distributions;

namespace PReluKit.Statistics;

/// <summary>A sample mean with its two-sided Student-t confidence interval.</summary>
/// <param name="Mean">The sample mean.</param>
/// <param name="HalfWidth">Half the interval's width; NaN with fewer than two values.</param>
/// <param name="Count">Number of values.</param>
/// <param name="Level">Confidence level, e.g. 0.95.</param>
public sealed record MeanInterval(double Mean, double HalfWidth, int Count, double Level)
{
    /// <summary>Lower end of the interval.</summary>
    public double Lower => Mean - HalfWidth;

    /// <summary>Upper end of the interval.</summary>
    public double Upper => Mean + HalfWidth;

    /// <summary>True when the interval contains 0 (or is undefined): a difference is then not confirmed.</summary>
    public bool CoversZero => double.IsNaN(HalfWidth) || (Lower <= 0 && Upper >= 0);

    /// <summary>The mean and Student-t interval of <paramref name="values"/> (t quantile from MathNet.Numerics).</summary>
    /// <exception cref="ArgumentException">No values, or a level outside (0, 1).</exception>
    public static MeanInterval Of(IReadOnlyCollection<double> values, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("MeanInterval: at least one value is needed.", nameof(values));
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentException($"MeanInterval: level must be in (0, 1), got {level}.", nameof(level));
        }

        var n = values.Count;
        var mean = values.Average();
        if (n < 2)
        {
            return new MeanInterval(mean, double.NaN, n, level);
        }

        var variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - ((1 - level) / 2));
        return new MeanInterval(mean, t * Math.Sqrt(variance / n), n, level);
    }

    /// <summary>
    /// "87.31 ± 0.42" with <paramref name="format"/> applied to the mean and its first section, without a sign, to the
    /// half-width (so "+0.00;-0.00" gives "+1.20 ± 0.80"); "87.31 (n = 1)" without an interval.
    /// </summary>
    public string ToString(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var mean = Mean.ToString(format, culture);
        return double.IsNaN(HalfWidth)
            ? $"{mean} (n = {Count})"
            : $"{mean} ± {HalfWidth.ToString(format.Split(';')[0].TrimStart('+'), culture)}";
    }

    /// <inheritdoc />
    public override string ToString() => ToString("0.####");
}
