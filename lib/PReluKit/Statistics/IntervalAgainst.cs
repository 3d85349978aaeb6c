namespace PReluKit.Statistics;

/// <summary>
/// The one place that decides where an interval lies against a line (<see cref="IntervalPosition"/>): above, below, across,
/// or resting on too few values to say.
/// </summary>
public static class IntervalAgainst
{
    /// <summary>
    /// Where [<paramref name="lower"/>, <paramref name="upper"/>], from <paramref name="count"/> values, lies against
    /// <paramref name="line"/>. Fewer than <see cref="Verdict.MinPairs"/> values, or an undefined end, is
    /// <see cref="IntervalPosition.TooFew"/>; an end exactly on the line is <see cref="IntervalPosition.Across"/>.
    /// </summary>
    public static IntervalPosition Line(double lower, double upper, int count, double line) =>
        count < Verdict.MinPairs || double.IsNaN(lower) || double.IsNaN(upper) ? IntervalPosition.TooFew
        : lower > line ? IntervalPosition.Above
        : upper < line ? IntervalPosition.Below
        : IntervalPosition.Across;

    /// <summary>Where a mean's interval lies against <paramref name="line"/> (0 by default: is a paired difference settled?).</summary>
    public static IntervalPosition Line(MeanInterval interval, double line = 0)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return Line(interval.Lower, interval.Upper, interval.Count, line);
    }

    /// <summary>Where a ratio's interval lies against <paramref name="line"/> (1 by default: is one faster than the other?).</summary>
    public static IntervalPosition Line(RatioInterval interval, double line = 1)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return Line(interval.Lower, interval.Upper, interval.Count, line);
    }

    /// <summary>Where an effect's interval lies against <paramref name="line"/> (0 by default).</summary>
    public static IntervalPosition Line(EffectInterval effect, double line = 0)
    {
        ArgumentNullException.ThrowIfNull(effect);
        return Line(effect.Lower, effect.Upper, effect.Pairs, line);
    }
}
