using System.Globalization;

namespace PReluKit.Statistics;

/// <summary>
/// What a verdict measures and the smallest effect that matters: δ, with its unit, where the value comes from, and the
/// words for the two directions.
/// </summary>
/// <param name="Name">The measure, e.g. "test accuracy".</param>
/// <param name="Unit">The unit of differences, e.g. "points" or "%".</param>
/// <param name="Delta">The smallest difference of interest (positive).</param>
/// <param name="DeltaSource">Why δ has this value.</param>
/// <param name="Higher">The word for a positive difference ("higher", "slower").</param>
/// <param name="Lower">The word for a negative difference ("lower", "faster").</param>
public sealed record EffectMeasure(string Name, string Unit, double Delta, string DeltaSource, string Higher, string Lower)
{
    /// <summary>Test accuracy in percentage points, δ = 1 point.</summary>
    public static EffectMeasure Accuracy { get; } = new("test accuracy", "points", 1.0,
        "δ = 1 point, an absolute threshold on test accuracy, read beside the relative change of the error it means (He et al.'s " +
        "ImageNet gain from PReLU was 1.2 points on 33.8 % top-1 error, a change of −3.5 %; arXiv:1502.01852)", "higher", "lower");

    /// <summary>Epoch time as a percent change, δ = 5 %.</summary>
    public static EffectMeasure EpochTime { get; } = new("epoch time", "%", 5.0,
        "δ = 5 %: an epoch-time change a user notices; within it, the seed article's \"without the additional computational overhead\" holds", "slower", "faster");

    /// <summary>What one pair is, singular: "seed" in comparisons (runs paired by seed), "round" in interleaved benchmarks.</summary>
    public string Replicate { get; init; } = "seed";

    /// <summary>The same measure with its pairs counted as interleaved benchmark rounds rather than seeds.</summary>
    public EffectMeasure InRounds => this with { Replicate = "round" };

    /// <summary>"3 pairs" for seeds, "5 rounds" for rounds (the unit <see cref="Verdict"/> counts its pairs in).</summary>
    public string CountPairs(int pairs) =>
        string.Create(CultureInfo.InvariantCulture, $"{pairs} {(Replicate == "seed" ? "pair" : Replicate)}{(pairs == 1 ? "" : "s")}");

    /// <summary>The same measure with another δ.</summary>
    /// <exception cref="ArgumentOutOfRangeException">δ is not a positive finite number.</exception>
    public EffectMeasure WithDelta(double delta) =>
        delta == Delta ? this
        : delta > 0 && double.IsFinite(delta)
            ? this with { Delta = delta, DeltaSource = string.Create(CultureInfo.InvariantCulture, $"δ = {delta:0.###} {Unit} (set by the user)") }
            : throw new ArgumentOutOfRangeException(nameof(delta), delta, $"δ for {Name} must be a positive number.");

    /// <summary>"±1 point", "±5 %".</summary>
    public string Band => string.Create(CultureInfo.InvariantCulture, $"±{Delta:0.###} {(Unit == "points" && Delta == 1 ? "point" : Unit)}");

    /// <summary>A difference with its sign and unit: "+0.23 points", "-3.1 %".</summary>
    public string Format(double value) => $"{Number(value)} {Unit}";

    /// <summary>A difference with its sign, without the unit: "+0.23", "-3.1".</summary>
    public string Number(double value) => value.ToString(Unit == "%" ? "+0.0;-0.0;0.0" : "+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
