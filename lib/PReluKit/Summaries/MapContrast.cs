namespace PReluKit.Summaries;

/// <summary>Which paired contrast a <see cref="DepthRateMap"/> shows.</summary>
public enum MapContrast
{
    /// <summary>Channel-wise PReLU against ReLU.</summary>
    PReluVsReLU,

    /// <summary>Channel-wise PReLU against Leaky ReLU.</summary>
    PReluVsLeaky,
}
