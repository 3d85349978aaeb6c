using PReluKit.Activations;
using PReluKit.Statistics;
using PReluKit.Training;

namespace PReluKit.Summaries;

/// <summary>
/// One activation against another, paired by seed: the difference in final test accuracy (A − B, points) and the ratio of
/// mean epoch times (A / B), each with its 95 % interval and its verdict against δ.
/// </summary>
/// <param name="A">The activation compared.</param>
/// <param name="B">What it is compared with.</param>
/// <param name="Pairs">Seeds where both completed.</param>
/// <param name="AccuracyDifference">A − B in percentage points, mean and t-interval over pairs.</param>
/// <param name="Accuracy">What that difference says against the accuracy δ.</param>
/// <param name="TimeRatio">A / B epoch time, geometric mean and interval over pairs.</param>
/// <param name="Time">What that ratio says against the time δ.</param>
/// <param name="ErrorChange">The accuracy difference as a change of B's error rate (means over the pairs): the relative scale
/// on which a difference in points is compared with other datasets' gains.</param>
public sealed record Contrast(ActivationSpec A, ActivationSpec B, int Pairs, MeanInterval AccuracyDifference, Verdict Accuracy,
                              RatioInterval TimeRatio, Verdict Time, ErrorChange ErrorChange)
{
    /// <summary>"PReLU (channel-wise) vs ReLU".</summary>
    public string Name => $"{A.DisplayName} vs {B.DisplayName}";

    /// <summary>The contrast of the paired runs of two activations, or null when no seed has a completed run of both.</summary>
    public static Contrast? Of(IReadOnlyList<RunResult> a, IReadOnlyList<RunResult> b, EffectMeasure accuracy, EffectMeasure time)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var others = b.Where(r => !r.Failed).GroupBy(r => r.Seed).ToDictionary(g => g.Key, g => g.First());
        var pairs = a.Where(r => !r.Failed && others.ContainsKey(r.Seed)).OrderBy(r => r.Seed).Select(r => (A: r, B: others[r.Seed])).ToList();
        if (pairs.Count == 0)
        {
            return null;
        }

        var differences = pairs.Select(p => 100 * (p.A.Final.TestAccuracy - p.B.Final.TestAccuracy)).ToList();
        var difference = MeanInterval.Of(differences);
        var accuracyVerdict = Verdict.Of(EffectInterval.FromDifference(difference, differences), accuracy);
        var errorChange = ErrorChange.FromAccuracy(pairs.Average(p => 100 * p.B.Final.TestAccuracy), difference.Mean);
        // Epoch times compare only within a machine: merged shards from two hosts would measure the hosts, not the activations.
        var timed = pairs.Where(p => p.A.Host == p.B.Host).ToList();
        if (timed.Count == 0)
        {
            return new Contrast(a[0].Config.Activation, b[0].Config.Activation, pairs.Count, difference, accuracyVerdict,
                new RatioInterval(double.NaN, double.NaN, double.NaN, 0, 0.95), Verdict.NotCompared(time), errorChange);
        }

        var (timesA, timesB) = (timed.Select(p => MeanEpochSeconds(p.A)).ToList(), timed.Select(p => MeanEpochSeconds(p.B)).ToList());
        var ratio = RatioInterval.Of(timesA, timesB);
        var ratios = timesA.Zip(timesB, (x, y) => x / y).ToList();
        return new Contrast(a[0].Config.Activation, b[0].Config.Activation, pairs.Count, difference, accuracyVerdict, ratio,
            Verdict.Of(EffectInterval.FromRatio(ratio, ratios), time), errorChange);
    }

    /// <summary>Mean training seconds of a run's epochs (epoch 0, the initial evaluation, has none).</summary>
    internal static double MeanEpochSeconds(RunResult run) =>
        run.Epochs.Where(e => e.Epoch > 0).Select(e => e.Seconds).DefaultIfEmpty(double.NaN).Average();
}
