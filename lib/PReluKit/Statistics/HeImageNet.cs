namespace PReluKit.Statistics;

/// <summary>
/// He et al. 2015 (arXiv:1502.01852), Table 2, model A on ImageNet: top-1 error with ReLU and with channel-wise PReLU —
/// the gain the seed article's "considerable rise in accuracy" is usually measured against.
/// </summary>
public static class HeImageNet
{
    /// <summary>Model A's top-1 error with ReLU, in percent.</summary>
    public const double ReluTop1Error = 33.82;

    /// <summary>Model A's top-1 error with PReLU, in percent.</summary>
    public const double PReluTop1Error = 32.64;

    /// <summary>PReLU's gain as a change of the error: 1.18 points, −3.5 % of ReLU's error.</summary>
    public static ErrorChange Gain { get; } = new(ReluTop1Error, PReluTop1Error);
}
