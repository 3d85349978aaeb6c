namespace PReluKit.Statistics;

/// <summary>What a paired 95 % interval says against a smallest effect of interest δ.</summary>
public enum VerdictKind
{
    /// <summary>The whole interval is at or above +δ: higher by more than δ.</summary>
    AboveDelta,

    /// <summary>The whole interval is at or below −δ: lower by more than δ.</summary>
    BelowDelta,

    /// <summary>The interval excludes 0 and lies within ±δ: a real but small difference.</summary>
    Small,

    /// <summary>The interval covers 0 and lies within ±δ: equivalent within ±δ.</summary>
    Equivalent,

    /// <summary>The interval excludes 0 but reaches past ±δ: a real difference whose size this experiment cannot settle.</summary>
    Unsettled,

    /// <summary>The interval covers 0 and reaches past ±δ (or there is no interval): inconclusive at this scale.</summary>
    Inconclusive,

    /// <summary>Not compared: no pair was measured under the same conditions (epoch times taken on different machines).</summary>
    NotCompared,
}
