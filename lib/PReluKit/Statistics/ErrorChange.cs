using System.Globalization;

namespace PReluKit.Statistics;

/// <summary>
/// An accuracy difference read as a change of the error rate, relative to the baseline's error: the scale on which gains
/// on datasets of different difficulty compare (He et al.'s 1.2 points on 33.8 % top-1 error is −3.5 %; 0.35 points on a
/// 9.2 % error is −3.7 %). Beside every accuracy difference a verdict is read from, so that δ in points is argued, not
/// asserted.
/// </summary>
/// <param name="BaselineError">The baseline's error rate, in percent (100 − its accuracy).</param>
/// <param name="Error">The compared model's error rate, in percent.</param>
public sealed record ErrorChange(double BaselineError, double Error)
{
    /// <summary>The change of error when accuracy moves by <paramref name="difference"/> points from <paramref name="baselineAccuracy"/> (percent).</summary>
    public static ErrorChange FromAccuracy(double baselineAccuracy, double difference) =>
        new(100 - baselineAccuracy, 100 - baselineAccuracy - difference);

    /// <summary>(error − baseline error) / baseline error, in percent: −3.7 means the error fell by 3.7 % of itself.</summary>
    public double RelativePercent => 100 * (Error - BaselineError) / BaselineError;

    /// <summary>"−3.7 %": the relative change with its sign.</summary>
    public string Relative => RelativePercent.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>"error 9.22 → 8.88 % (−3.7 % of the error)".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"error {BaselineError:0.00} → {Error:0.00} % ({Relative} of the error)");
}
