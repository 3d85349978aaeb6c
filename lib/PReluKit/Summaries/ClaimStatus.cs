namespace PReluKit.Summaries;

/// <summary>Where a claim of the seed article stands after a comparison.</summary>
public enum ClaimStatus
{
    /// <summary>The interval supports the claim at the stated δ.</summary>
    Supported,

    /// <summary>The interval rules the claim out at the stated δ.</summary>
    NotSupported,

    /// <summary>The experiment is too small to tell.</summary>
    Inconclusive,

    /// <summary>The comparison lacks the activations the claim needs.</summary>
    NotTested,
}
