using MathNet.Numerics.Distributions;

namespace PReluKit.Statistics;

/// <summary>
/// The size of a paired effect against a stated threshold δ (<see cref="EffectMeasure"/>), from its 95 % interval — not
/// whether it differs from 0. An interval that covers 0 is never read as "no effect": it is "equivalent within ±δ" only
/// when it also lies inside ±δ, and "inconclusive at this scale" otherwise, with the number of pairs that would decide.
/// </summary>
/// <param name="Kind">What the interval says.</param>
/// <param name="Measure">The measure and its δ.</param>
/// <param name="Effect">The effect and its interval.</param>
/// <param name="PairsNeeded">For <see cref="VerdictKind.Inconclusive"/> and <see cref="VerdictKind.Unsettled"/>: about how many pairs (seeds)
/// the observed spread needs for the interval to clear the nearest boundary; null when decided, or when the spread cannot say.</param>
public sealed record Verdict(VerdictKind Kind, EffectMeasure Measure, EffectInterval Effect, int? PairsNeeded)
{
    /// <summary>Pairs beyond which "would decide" is reported as "more than".</summary>
    public const int MaxPairsReported = 1000;

    /// <summary>
    /// Fewest pairs a verdict is given on. With two, Student t has one degree of freedom (t = 12.7): the interval is either
    /// absurdly wide or, when the two pairs happen to agree, narrow by luck — neither is a reading.
    /// </summary>
    public const int MinPairs = 3;

    /// <summary>True when the effect rests on fewer than <see cref="MinPairs"/> pairs: no verdict, only "too few … to judge".</summary>
    public bool TooFewPairs => Kind == VerdictKind.Inconclusive && Effect.Pairs < MinPairs;

    /// <summary>The verdict for <paramref name="effect"/> against <paramref name="measure"/>'s δ. Boundaries: an end at exactly ±δ counts as reaching δ; an end at exactly 0 counts as covering 0.</summary>
    public static Verdict Of(EffectInterval effect, EffectMeasure measure)
    {
        ArgumentNullException.ThrowIfNull(effect);
        ArgumentNullException.ThrowIfNull(measure);
        var d = measure.Delta;
        VerdictKind kind;
        if (!effect.HasInterval || effect.Pairs < MinPairs)
        {
            kind = VerdictKind.Inconclusive;
        }
        else if (effect.Lower >= d)
        {
            kind = VerdictKind.AboveDelta;
        }
        else if (effect.Upper <= -d)
        {
            kind = VerdictKind.BelowDelta;
        }
        else
        {
            var excludesZero = IntervalAgainst.Line(effect) != IntervalPosition.Across;
            var inside = effect.Lower > -d && effect.Upper < d;
            kind = (excludesZero, inside) switch
            {
                (true, true) => VerdictKind.Small,
                (false, true) => VerdictKind.Equivalent,
                (true, false) => VerdictKind.Unsettled,
                _ => VerdictKind.Inconclusive,
            };
        }

        return new Verdict(kind, measure, effect,
                           effect.Pairs >= MinPairs && kind is VerdictKind.Inconclusive or VerdictKind.Unsettled ? PairsToDecide(effect, d) : null);
    }

    /// <summary>The verdict on a measure no pair could be compared on (times taken on different machines).</summary>
    public static Verdict NotCompared(EffectMeasure measure) => NotCompared(measure, DifferentMachines);

    /// <summary>The verdict on a measure that must not be judged, with the reason ("recorded epoch times are not timing evidence: …").</summary>
    public static Verdict NotCompared(EffectMeasure measure, string reason) =>
        new(VerdictKind.NotCompared, measure, new EffectInterval(double.NaN, double.NaN, double.NaN, 0, double.NaN), null) { Reason = reason };

    /// <summary>Why a <see cref="VerdictKind.NotCompared"/> verdict was not given.</summary>
    public string Reason { get; init; } = DifferentMachines;

    private const string DifferentMachines = "timed on different machines";

    /// <summary>A few words for tables: "equivalent within ±1 point", "inconclusive at this scale", "higher by more than 1 point", ….</summary>

    public string Label => Kind switch
    {
        VerdictKind.NotCompared => $"not compared: {Reason}",
        VerdictKind.Inconclusive when TooFewPairs => $"too few {Measure.Replicate}s to judge",
        VerdictKind.AboveDelta => $"{Measure.Higher} by more than {Measure.Band[1..]}",
        VerdictKind.BelowDelta => $"{Measure.Lower} by more than {Measure.Band[1..]}",
        VerdictKind.Small => $"real but small: {Direction}, within {Measure.Band}",
        VerdictKind.Equivalent => $"equivalent within {Measure.Band}",
        VerdictKind.Unsettled => $"{Direction}; size inconclusive",
        _ => "inconclusive at this scale",
    };

    /// <summary>The verdict as a sentence with the effect, its interval, δ and, where undecided, the pairs that would decide.</summary>
    public string Text
    {
        get
        {
            if (Kind == VerdictKind.NotCompared)
            {
                return $"{Label}.";
            }

            if (TooFewPairs)
            {
                return $"{Measure.Format(Effect.Estimate)} from {Measure.CountPairs(Effect.Pairs)}: {Label} (a verdict needs at least {MinPairs}).";
            }

            var interval = Effect.HasInterval
                ? $"{Measure.Format(Effect.Estimate)} [{Measure.Number(Effect.Lower)}, {Measure.Number(Effect.Upper)}] (95 % CI, {Measure.CountPairs(Effect.Pairs)})"
                : $"{Measure.Format(Effect.Estimate)} from {Measure.CountPairs(Effect.Pairs)} (no interval)";
            var decide = PairsNeeded switch
            {
                null when Kind is VerdictKind.Inconclusive or VerdictKind.Unsettled => "; the spread of these pairs cannot say how many would decide",
                > MaxPairsReported => $"; more than {MaxPairsReported:N0} {Measure.Replicate}s would be needed to decide at {Measure.Band}",
                { } n => $"; about {n} {Measure.Replicate}s would decide at {Measure.Band}",
                _ => "",
            };
            return $"{interval}: {Label}{decide}.";
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private string Direction => Effect.Estimate >= 0 ? Measure.Higher : Measure.Lower;

    /// <summary>
    /// The smallest n whose t-interval half-width, at the observed spread, is below the distance from the estimate to the
    /// nearest boundary that would decide: |estimate| − δ outside the band, δ − |estimate| inside it.
    /// </summary>
    private static int? PairsToDecide(EffectInterval effect, double delta)
    {
        var gap = Math.Abs(Math.Abs(effect.Estimate) - delta);
        if (!(effect.Spread > 0) || !(gap > 0) || double.IsNaN(effect.Spread))
        {
            return null;
        }

        for (var n = 2; n <= MaxPairsReported; n++)
        {
            if (StudentT.InvCDF(0, 1, n - 1, 0.975) * effect.Spread / Math.Sqrt(n) < gap)
            {
                return Math.Max(n, effect.Pairs + 1);
            }
        }

        return MaxPairsReported + 1;
    }
}
