namespace PReluKit.Statistics;

/// <summary>
/// He et al. 2015 (arXiv:1502.01852), Table 2, model A on ImageNet: top-1 error with ReLU and with channel-wise PReLU —
/// the gain the seed article's "considerable rise in the accuracy of a model" is usually measured against.
/// </summary>
public static class HeImageNet
{
    /// <summary>Model A's top-1 error with ReLU, in percent.</summary>
    public const double ReluTop1Error = 33.82;

    /// <summary>Model A's top-1 error with PReLU, in percent.</summary>
    public const double PReluTop1Error = 32.64;

    /// <summary>PReLU's gain as a change of the error: 1.18 points, −3.5 % of ReLU's error.</summary>
    public static ErrorChange Gain { get; } = new(ReluTop1Error, PReluTop1Error);

    /// <summary>
    /// The accuracy gain, in points, that is He et al.'s relative gain on a baseline with <paramref name="baselineError"/>
    /// (percent): 0.32 points on a 9.22 % error. A paired interval is read against it with <see cref="IntervalAgainst"/>.
    /// </summary>
    public static double PointsAt(double baselineError) => -Gain.RelativePercent / 100 * baselineError;
}
