using Microsoft.Data.Analysis;
using PReluKit.Activations;
using PReluKit.IO;
using PReluKit.Statistics;

namespace PReluKit.Training;

/// <summary>
/// Per-activation statistics of a comparison: mean ± 95 % Student-t CI over seeds of the final test accuracy and
/// loss, the paired difference to the baseline (ReLU) with its own CI, epoch time and its paired ratio to the
/// baseline, and a <see cref="Training.Verdict"/> that says "not confirmed at this scale" whenever the interval covers 0.
/// </summary>
/// <param name="Baseline">The baseline activation, or null when no run used ReLU.</param>
/// <param name="Rows">One row per activation, in the order first seen.</param>
public sealed record ComparisonSummary(ActivationSpec? Baseline, IReadOnlyList<ActivationSummary> Rows)
{
    /// <summary>The first row of <paramref name="kind"/>, or null.</summary>
    public ActivationSummary? Find(ActivationKind kind) => Rows.FirstOrDefault(r => r.Activation.Kind == kind);

    /// <summary>Summarises <paramref name="runs"/>; the ReLU runs are the baseline.</summary>
    public static ComparisonSummary From(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var groups = runs.GroupBy(r => r.Config.Activation).ToList();
        var baseline = groups.FirstOrDefault(g => g.First().Config.Activation.Kind == ActivationKind.ReLU);
        var baselineBySeed = baseline?.Where(r => !r.Diverged).ToDictionary(r => r.Seed);

        var rows = groups.Select(group =>
        {
            var completed = group.Where(r => !r.Diverged).ToList();
            var isBaseline = baseline is not null && group.Key == baseline.Key;
            var pairs = isBaseline || baselineBySeed is null
                ? []
                : completed.Where(r => baselineBySeed.ContainsKey(r.Seed)).Select(r => (Run: r, Base: baselineBySeed[r.Seed])).ToList();

            var accuracyDiff = Interval(pairs.Select(p => 100 * (p.Run.Final.TestAccuracy - p.Base.Final.TestAccuracy)));
            var verdict = isBaseline ? Verdict.Baseline : Verdict.Of(accuracyDiff, baseline is not null);
            return new ActivationSummary(
                group.Key, group.Count(), group.Count() - completed.Count,
                Interval(completed.Select(r => 100 * r.Final.TestAccuracy)),
                Interval(completed.Select(r => r.Final.TestLoss)),
                accuracyDiff,
                Interval(completed.Select(MeanEpochSeconds)),
                Interval(pairs.Select(p => MeanEpochSeconds(p.Run) / MeanEpochSeconds(p.Base))),
                completed.Count == 0 ? double.NaN : completed.Average(FinalDeadPercent),
                verdict);
        }).ToList();
        return new ComparisonSummary(baseline?.Key, rows);
    }

    /// <summary>The summary as a DataFrame (one row per activation; intervals as mean and half-width columns).</summary>
    public DataFrame ToDataFrame()
    {
        DoubleDataFrameColumn Column(string name, Func<ActivationSummary, double> value) => new(name, Rows.Select(value));
        return new DataFrame(
            new StringDataFrameColumn("activation", Rows.Select(r => r.DisplayName)),
            new StringDataFrameColumn("key", Rows.Select(r => r.Activation.Canonical)),
            new Int32DataFrameColumn("runs", Rows.Select(r => r.Runs)),
            new Int32DataFrameColumn("diverged", Rows.Select(r => r.Diverged)),
            Column("test_accuracy_pct", r => r.TestAccuracy?.Mean ?? double.NaN),
            Column("test_accuracy_ci95", r => r.TestAccuracy?.HalfWidth ?? double.NaN),
            Column("test_loss", r => r.TestLoss?.Mean ?? double.NaN),
            Column("test_loss_ci95", r => r.TestLoss?.HalfWidth ?? double.NaN),
            Column("accuracy_vs_relu_pts", r => r.AccuracyVsBaseline?.Mean ?? double.NaN),
            Column("accuracy_vs_relu_ci95", r => r.AccuracyVsBaseline?.HalfWidth ?? double.NaN),
            Column("epoch_seconds", r => r.EpochSeconds?.Mean ?? double.NaN),
            Column("epoch_seconds_ci95", r => r.EpochSeconds?.HalfWidth ?? double.NaN),
            Column("time_ratio_vs_relu", r => r.TimeRatioVsBaseline?.Mean ?? double.NaN),
            Column("time_ratio_vs_relu_ci95", r => r.TimeRatioVsBaseline?.HalfWidth ?? double.NaN),
            Column("dead_pct", r => r.DeadPercent),
            new StringDataFrameColumn("verdict", Rows.Select(r => r.Verdict.Text)));
    }

    /// <summary>Every epoch of every run in long format (one row per run and epoch) as a DataFrame.</summary>
    public static DataFrame EpochsDataFrame(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var rows = runs.SelectMany(r => r.Epochs.Select(e => (Run: r, Epoch: e))).ToList();
        DoubleDataFrameColumn Column(string name, Func<(RunResult Run, EpochRecord Epoch), double> value) => new(name, rows.Select(value));
        return new DataFrame(
            new StringDataFrameColumn("activation", rows.Select(x => x.Run.Config.Activation.DisplayName)),
            new StringDataFrameColumn("key", rows.Select(x => x.Run.Config.Activation.Canonical)),
            new Int64DataFrameColumn("seed", rows.Select(x => (long)x.Run.Seed)),
            new Int32DataFrameColumn("epoch", rows.Select(x => x.Epoch.Epoch)),
            Column("train_loss", x => x.Epoch.TrainLoss),
            Column("train_accuracy", x => x.Epoch.TrainAccuracy),
            Column("test_loss", x => x.Epoch.TestLoss),
            Column("test_accuracy", x => x.Epoch.TestAccuracy),
            Column("seconds", x => x.Epoch.Seconds),
            Column("dead_pct", x => DeadPercent(x.Epoch)),
            Column("mean_alpha", x => x.Epoch.Alphas.Count == 0 ? double.NaN : x.Epoch.Alphas.Average(a => a.Mean)));
    }

    /// <summary>Writes <c>summary.csv</c> and <c>epochs.csv</c> into <paramref name="folder"/>, each atomically (UTF-8, see <see cref="CsvFile"/>).</summary>
    /// <returns>The two paths.</returns>
    public IReadOnlyList<string> WriteCsv(string folder, IReadOnlyList<RunResult> runs)
    {
        var summary = Path.Combine(folder, "summary.csv");
        var epochs = Path.Combine(folder, "epochs.csv");
        CsvFile.Write(summary, ToDataFrame());
        CsvFile.Write(epochs, EpochsDataFrame(runs));
        return [summary, epochs];
    }

    private static MeanInterval? Interval(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : MeanInterval.Of(list);
    }

    private static double MeanEpochSeconds(RunResult run) =>
        run.Epochs.Where(e => e.Epoch > 0).Select(e => e.Seconds).DefaultIfEmpty(double.NaN).Average();

    private static double DeadPercent(EpochRecord epoch)
    {
        var units = epoch.Dead.Sum(l => l.Units);
        return units == 0 ? 0 : 100.0 * epoch.Dead.Sum(l => l.DeadUnits) / units;
    }

    private static double FinalDeadPercent(RunResult run) => DeadPercent(run.Final);
}
