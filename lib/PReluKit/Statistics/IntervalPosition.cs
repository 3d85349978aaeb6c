namespace PReluKit.Statistics;

/// <summary>
/// Where a 95 % interval lies against a line (0 for a difference, 1 for a ratio, a per-call ratio for an epoch's): the one
/// typed outcome every "is it settled?" reading rests on. Computed only by <see cref="IntervalAgainst"/>.
/// </summary>
public enum IntervalPosition
{
    /// <summary>Fewer than <see cref="Verdict.MinPairs"/> values (or no interval): no reading is given.</summary>
    TooFew,

    /// <summary>The whole interval lies below the line.</summary>
    Below,

    /// <summary>The interval reaches the line or crosses it (an end exactly on the line counts as reaching it): not settled.</summary>
    Across,

    /// <summary>The whole interval lies above the line.</summary>
    Above,
}
