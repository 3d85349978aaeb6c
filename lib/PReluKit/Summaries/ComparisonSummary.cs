using Microsoft.Data.Analysis;
using PReluKit.Activations;
using PReluKit.IO;
using PReluKit.Runs;
using PReluKit.Statistics;
using PReluKit.Training;

namespace PReluKit.Summaries;

/// <summary>
/// Per-activation statistics of a comparison (mean ± 95 % Student-t CI over seeds of final test accuracy, loss and epoch
/// time), and the paired contrasts that answer the seed article's claims — every activation against ReLU, PReLU against
/// Leaky ReLU, channel-wise PReLU against shared — each with verdicts on accuracy and epoch time against δ
/// (<see cref="Verdict"/>).
/// </summary>
/// <param name="Baseline">The baseline activation, or null when no run used ReLU.</param>
/// <param name="Rows">One row per activation, in the order first seen.</param>
/// <param name="Contrasts">The paired contrasts, against ReLU first.</param>
/// <param name="Accuracy">The accuracy measure and its δ.</param>
/// <param name="Time">The epoch-time measure and its δ.</param>
public sealed record ComparisonSummary(ActivationSpec? Baseline, IReadOnlyList<ActivationSummary> Rows, IReadOnlyList<Contrast> Contrasts,
                                       EffectMeasure Accuracy, EffectMeasure Time)
{
    /// <summary>The first row of <paramref name="kind"/>, or null.</summary>
    public ActivationSummary? Find(ActivationKind kind) => Rows.FirstOrDefault(r => r.Activation.Kind == kind);

    /// <summary>The contrast of <paramref name="a"/> with <paramref name="b"/> (first of each kind), or null.</summary>
    public Contrast? Find(ActivationKind a, ActivationKind b) => Contrasts.FirstOrDefault(c => c.A.Kind == a && c.B.Kind == b);

    /// <summary>Summarises <paramref name="runs"/>; the ReLU runs are the baseline. δs default to <see cref="EffectMeasure.Accuracy"/> and <see cref="EffectMeasure.EpochTime"/>.</summary>
    public static ComparisonSummary From(IReadOnlyList<RunResult> runs, EffectMeasure? accuracy = null, EffectMeasure? time = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        accuracy ??= EffectMeasure.Accuracy;
        time ??= EffectMeasure.EpochTime;
        var groups = runs.GroupBy(r => r.Config.Activation).Select(g => (Spec: g.Key, Runs: (IReadOnlyList<RunResult>)[.. g])).ToList();
        var baseline = groups.FirstOrDefault(g => g.Spec.Kind == ActivationKind.ReLU);
        Contrast? Against(int a, int b) => Contrast.Of(groups[a].Runs, groups[b].Runs, accuracy, time);

        var rows = groups.Select((group, index) =>
        {
            var completed = group.Runs.Where(r => !r.Failed).ToList();
            var isBaseline = baseline.Runs is not null && group.Spec == baseline.Spec;
            return new ActivationSummary(
                group.Spec, group.Runs.Count, group.Runs.Count(r => r.Outcome.Kind == RunOutcomeKind.Diverged),
                Interval(completed.Select(r => 100 * r.Final.TestAccuracy)),
                Interval(completed.Select(r => r.Final.TestLoss)),
                Interval(completed.Select(Contrast.MeanEpochSeconds)),
                completed.Count == 0 ? double.NaN : completed.Average(FinalDeadPercent),
                isBaseline,
                isBaseline || baseline.Runs is null ? null : Against(index, groups.IndexOf(baseline)))
            {
                Collapsed = group.Runs.Count(r => r.Outcome.Kind == RunOutcomeKind.Collapsed),
            };
        }).ToList();

        // The claims' other contrasts: PReLU against Leaky ReLU ("unlike Leaky ReLU"), channel-wise against shared.
        var others = new List<Contrast>();
        foreach (var (a, aIndex) in groups.Select((g, i) => (g.Spec, i)).Where(g => g.Spec.IsParametric))
        {
            foreach (var (b, bIndex) in groups.Select((g, i) => (g.Spec, i)))
            {
                if (b.Kind == ActivationKind.LeakyReLU || (a.Kind == ActivationKind.PReLUChannelWise && b.Kind == ActivationKind.PReLUShared))
                {
                    if (Against(aIndex, bIndex) is { } contrast)
                    {
                        others.Add(contrast);
                    }
                }
            }
        }

        return new ComparisonSummary(baseline.Runs is null ? null : baseline.Spec, rows,
            [.. rows.Select(r => r.VsBaseline).OfType<Contrast>(), .. others], accuracy, time);
    }

    /// <summary>
    /// The summary of a recorded experiment, accuracy only: epoch times and time verdicts are withheld with the reason
    /// (<see cref="RecordedExperiment.NotTimingEvidence"/>), since its runs were timed on a shared machine.
    /// </summary>
    public static ComparisonSummary From(RecordedExperiment recorded, EffectMeasure? accuracy = null)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return From(recorded.Runs, accuracy).WithoutTime(RecordedExperiment.NotTimingEvidence);
    }

    /// <summary>Why a live comparison's epoch times are withheld: they are not interleaved, and may come from the run cache.</summary>
    public const string LiveTimesNotEvidence =
        "timed during training, not interleaved and possibly reused from the run cache, so not timing evidence — see notebook 5";

    /// <summary>This summary with every epoch time and time verdict withheld, each verdict saying <paramref name="reason"/>.</summary>
    public ComparisonSummary WithoutTime(string reason)
    {
        Contrast Strip(Contrast c) => c with
        {
            TimeRatio = new RatioInterval(double.NaN, double.NaN, double.NaN, 0, c.TimeRatio.Level), Time = Verdict.NotCompared(Time, reason),
        };
        return this with
        {
            Rows = [.. Rows.Select(r => r with { EpochSeconds = null, VsBaseline = r.VsBaseline is { } v ? Strip(v) : null })],
            Contrasts = [.. Contrasts.Select(Strip)],
        };
    }

    /// <summary>The summary as a DataFrame (one row per activation; intervals as mean and half-width columns; verdicts against ReLU).</summary>
    public DataFrame ToDataFrame()
    {
        DoubleDataFrameColumn Column(string name, Func<ActivationSummary, double> value) => new(name, Rows.Select(value));
        return new DataFrame(
            new StringDataFrameColumn("activation", Rows.Select(r => r.DisplayName)),
            new StringDataFrameColumn("key", Rows.Select(r => r.Activation.Canonical)),
            new Int32DataFrameColumn("runs", Rows.Select(r => r.Runs)),
            new Int32DataFrameColumn("diverged", Rows.Select(r => r.Diverged)),
            new Int32DataFrameColumn("collapsed", Rows.Select(r => r.Collapsed)),
            Column("test_accuracy_pct", r => r.TestAccuracy?.Mean ?? double.NaN),
            Column("test_accuracy_ci95", r => r.TestAccuracy?.HalfWidth ?? double.NaN),
            Column("test_loss", r => r.TestLoss?.Mean ?? double.NaN),
            Column("test_loss_ci95", r => r.TestLoss?.HalfWidth ?? double.NaN),
            Column("epoch_seconds", r => r.EpochSeconds?.Mean ?? double.NaN),
            Column("epoch_seconds_ci95", r => r.EpochSeconds?.HalfWidth ?? double.NaN),
            Column("dead_pct", r => r.DeadPercent),
            Column("accuracy_vs_relu_pts", r => r.VsBaseline?.AccuracyDifference.Mean ?? double.NaN),
            Column("accuracy_vs_relu_ci95", r => r.VsBaseline?.AccuracyDifference.HalfWidth ?? double.NaN),
            new StringDataFrameColumn("accuracy_verdict", Rows.Select(r => r.IsBaseline ? "baseline" : r.VsBaseline?.Accuracy.Label ?? "")),
            Column("time_ratio_vs_relu", r => r.VsBaseline?.TimeRatio.Ratio ?? double.NaN),
            Column("time_ratio_vs_relu_lower", r => r.VsBaseline?.TimeRatio.Lower ?? double.NaN),
            Column("time_ratio_vs_relu_upper", r => r.VsBaseline?.TimeRatio.Upper ?? double.NaN),
            new StringDataFrameColumn("time_verdict", Rows.Select(r => r.IsBaseline ? "baseline" : r.VsBaseline?.Time.Label ?? "")));
    }

    /// <summary>The contrasts as a DataFrame: one row each, with both verdicts, their δs and the seeds that would decide.</summary>
    public DataFrame ContrastsDataFrame()
    {
        DoubleDataFrameColumn Column(string name, Func<Contrast, double> value) => new(name, Contrasts.Select(value));
        return new DataFrame(
            new StringDataFrameColumn("contrast", Contrasts.Select(c => c.Name)),
            new StringDataFrameColumn("a", Contrasts.Select(c => c.A.Canonical)),
            new StringDataFrameColumn("b", Contrasts.Select(c => c.B.Canonical)),
            new Int32DataFrameColumn("pairs", Contrasts.Select(c => c.Pairs)),
            Column("accuracy_diff_pts", c => c.AccuracyDifference.Mean),
            Column("accuracy_diff_lower", c => c.AccuracyDifference.Lower),
            Column("accuracy_diff_upper", c => c.AccuracyDifference.Upper),
            Column("accuracy_delta_pts", _ => Accuracy.Delta),
            new StringDataFrameColumn("accuracy_verdict", Contrasts.Select(c => c.Accuracy.Label)),
            Column("accuracy_seeds_to_decide", c => c.Accuracy.PairsNeeded ?? double.NaN),
            Column("time_ratio", c => c.TimeRatio.Ratio),
            Column("time_ratio_lower", c => c.TimeRatio.Lower),
            Column("time_ratio_upper", c => c.TimeRatio.Upper),
            Column("time_delta_pct", _ => Time.Delta),
            new StringDataFrameColumn("time_verdict", Contrasts.Select(c => c.Time.Label)),
            Column("time_seeds_to_decide", c => c.Time.PairsNeeded ?? double.NaN));
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

    /// <summary>The CSV files <see cref="WriteCsv"/> writes into a results folder.</summary>
    public static IReadOnlyList<string> CsvFileNames => ComparisonFiles.Csv;

    /// <summary>Writes <c>summary.csv</c>, <c>contrasts.csv</c> and <c>epochs.csv</c> into <paramref name="folder"/>, each atomically (UTF-8, see <see cref="CsvFile"/>).</summary>
    /// <returns>The three paths.</returns>
    public IReadOnlyList<string> WriteCsv(string folder, IReadOnlyList<RunResult> runs)
    {
        var (summary, contrasts, epochs) = (Path.Combine(folder, CsvFileNames[0]), Path.Combine(folder, CsvFileNames[1]), Path.Combine(folder, CsvFileNames[2]));
        // Every table is built before the first file is written, so a failure leaves none of them half-replaced.
        var (summaryFrame, contrastsFrame, epochsFrame) = (ToDataFrame(), ContrastsDataFrame(), EpochsDataFrame(runs));
        CsvFile.Write(summary, summaryFrame);
        CsvFile.Write(contrasts, contrastsFrame);
        CsvFile.Write(epochs, epochsFrame);
        return [summary, contrasts, epochs];
    }

    private static MeanInterval? Interval(IEnumerable<double> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : MeanInterval.Of(list);
    }

    private static double DeadPercent(EpochRecord epoch)
    {
        var units = epoch.Dead.Sum(l => l.Units);
        return units == 0 ? 0 : 100.0 * epoch.Dead.Sum(l => l.DeadUnits) / units;
    }

    private static double FinalDeadPercent(RunResult run) => DeadPercent(run.Final);
}
