using PReluKit.Statistics;

namespace PReluKit.Tests.Statistics;

/// <summary>Every branch of the verdict at its boundaries (δ = 1 point).</summary>
public class VerdictTests
{
    private static Verdict Of(double lower, double upper, double spread = 1, int pairs = 5) =>
        Verdict.Of(new EffectInterval((lower + upper) / 2, lower, upper, pairs, spread), EffectMeasure.Accuracy);

    [Theory]
    [InlineData(1.0, 2.0, VerdictKind.AboveDelta)]    // lower end exactly at +δ: at least δ
    [InlineData(0.99, 2.0, VerdictKind.Unsettled)]    // excludes 0, reaches past δ, not wholly above it
    [InlineData(-2.0, -1.0, VerdictKind.BelowDelta)]  // upper end exactly at −δ
    [InlineData(-2.0, -0.99, VerdictKind.Unsettled)]
    [InlineData(0.01, 0.99, VerdictKind.Small)]       // excludes 0, inside ±δ
    [InlineData(-0.99, -0.01, VerdictKind.Small)]
    [InlineData(0.0, 0.5, VerdictKind.Equivalent)]    // an end exactly at 0 covers 0
    [InlineData(-0.99, 0.99, VerdictKind.Equivalent)]
    [InlineData(-0.5, 1.0, VerdictKind.Inconclusive)] // an end exactly at δ reaches δ: not inside ±δ
    [InlineData(-1.0, 0.5, VerdictKind.Inconclusive)]
    [InlineData(-3.0, 3.0, VerdictKind.Inconclusive)]
    public void Each_interval_gets_its_kind(double lower, double upper, VerdictKind kind) =>
        Assert.Equal(kind, Of(lower, upper).Kind);

    [Fact]
    public void One_pair_has_no_interval_and_is_inconclusive()
    {
        var verdict = Verdict.Of(new EffectInterval(3, double.NaN, double.NaN, 1, double.NaN), EffectMeasure.Accuracy);
        Assert.Equal(VerdictKind.Inconclusive, verdict.Kind);
        Assert.Null(verdict.PairsNeeded);
        Assert.Contains("from 1 pair: too few seeds to judge", verdict.Text);
    }

    [Fact]
    public void Two_pairs_give_no_verdict_however_their_interval_falls_and_benchmarks_count_rounds()
    {
        // Two pairs that happen to agree give a narrow t interval (one degree of freedom): still no verdict.
        var lucky = Verdict.Of(new EffectInterval(0.1, -0.2, 0.4, 2, 0.03), EffectMeasure.Accuracy);
        Assert.Equal(VerdictKind.Inconclusive, lucky.Kind);
        Assert.True(lucky.TooFewPairs);
        Assert.Null(lucky.PairsNeeded);
        Assert.Equal("too few seeds to judge", lucky.Label);
        Assert.Equal("+0.10 points from 2 pairs: too few seeds to judge (a verdict needs at least 3).", lucky.Text);
        Assert.Equal("1.549 (2 pairs: too few to judge)", RatioInterval.Of([1.5, 1.6], [1.0, 1.0]).ToString());

        var rounds = Verdict.Of(new EffectInterval(2, -3, 7, 5, 5), EffectMeasure.EpochTime.InRounds);
        Assert.Contains("(95 % CI, 5 rounds)", rounds.Text);
        Assert.Contains("rounds would", rounds.Text);
        Assert.DoesNotContain("seed", rounds.Text);
    }

    [Fact]
    public void A_measure_withheld_says_why_and_its_claim_is_not_judged()
    {
        var withheld = Verdict.NotCompared(EffectMeasure.EpochTime, "recorded on a shared machine");
        Assert.Equal("not compared: recorded on a shared machine", withheld.Label);
        Assert.Equal("not compared: timed on different machines", Verdict.NotCompared(EffectMeasure.EpochTime).Label);
        var claim = PReluKit.Summaries.Claim.NoOverhead("\"no overhead\"", withheld);
        Assert.Equal(PReluKit.Summaries.ClaimStatus.NotTested, claim.Status);
        Assert.Equal("\"no overhead\": not judged here — not compared: recorded on a shared machine.", claim.Reading);
    }

    [Fact]
    public void A_claim_on_an_interval_that_excludes_0_is_never_called_inconclusive_at_this_scale()
    {
        var unsettled = Verdict.Of(new EffectInterval(8.8, 4.6, 13.1, 5, 3), EffectMeasure.EpochTime);
        Assert.Equal(VerdictKind.Unsettled, unsettled.Kind);
        var claim = PReluKit.Summaries.Claim.NoOverhead("\"no overhead\"", unsettled);
        Assert.StartsWith("\"no overhead\": not settled (the interval excludes 0", claim.Reading, StringComparison.Ordinal);
        Assert.DoesNotContain("inconclusive at this scale", claim.Reading, StringComparison.Ordinal);
    }

    [Fact]
    public void Undecided_verdicts_say_how_many_seeds_would_decide_from_the_spread()
    {
        // Estimate 0.2, δ 1: the interval must shrink below 0.8 on each side; spread 1 → t(n−1)·1/√n < 0.8 from n = 9.
        var verdict = Verdict.Of(new EffectInterval(0.2, -1.5, 1.9, 3, 1.0), EffectMeasure.Accuracy);
        Assert.Equal(VerdictKind.Inconclusive, verdict.Kind);
        Assert.Equal(9, verdict.PairsNeeded);
        Assert.Contains("about 9 seeds would decide at ±1 point", verdict.Text);
        var hopeless = Verdict.Of(new EffectInterval(0.999, -5, 7, 3, 10.0), EffectMeasure.Accuracy);
        Assert.Contains("more than 1,000 seeds", hopeless.Text);
        Assert.Null(Of(1.5, 2.5).PairsNeeded); // decided
    }

    [Fact]
    public void Labels_name_the_direction_and_the_threshold()
    {
        Assert.Equal("higher by more than 1 point", Of(1.2, 2).Label);
        Assert.Equal("equivalent within ±1 point", Of(-0.5, 0.5).Label);
        Assert.Equal("real but small: lower, within ±1 point", Of(-0.6, -0.1).Label);
        var time = Verdict.Of(new EffectInterval(8, 6, 10, 5, 2), EffectMeasure.EpochTime);
        Assert.Equal("slower by more than 5 %", time.Label);
        Assert.Equal("inconclusive at this scale", Of(-2, 2).Label);
    }

    [Fact]
    public void Delta_is_changeable_and_must_be_positive()
    {
        var strict = EffectMeasure.Accuracy.WithDelta(0.25);
        Assert.Equal(VerdictKind.AboveDelta, Verdict.Of(new EffectInterval(0.5, 0.3, 0.7, 5, 0.2), strict).Kind);
        Assert.Throws<ArgumentOutOfRangeException>(() => EffectMeasure.Accuracy.WithDelta(0));
    }

    [Fact]
    public void A_time_ratio_becomes_a_percent_change()
    {
        var ratio = RatioInterval.Of([1.10, 1.12, 1.08], [1.0, 1.0, 1.0]);
        var effect = EffectInterval.FromRatio(ratio, [1.10, 1.12, 1.08]);
        Assert.Equal(100 * (ratio.Ratio - 1), effect.Estimate, 9);
        Assert.InRange(effect.Lower, 5, 10); // exp(mean − t·sd/√3) − 1 ≈ 5.1 %
        Assert.Equal(VerdictKind.AboveDelta, Verdict.Of(effect, EffectMeasure.EpochTime).Kind);
    }
}
