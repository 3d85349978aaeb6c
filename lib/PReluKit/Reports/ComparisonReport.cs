using System.Globalization;
using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Metrics;
using PReluKit.Runs;
using PReluKit.Statistics;
using PReluKit.Summaries;
using PReluKit.Tables;
using PReluKit.Training;

namespace PReluKit.Reports;

/// <summary>The report of one comparison: summary and verdicts, charts with takeaways, configuration, environment and CSV links.</summary>
public static class ComparisonReport
{
    /// <summary>The report's file name inside the results folder.</summary>
    public const string FileName = ComparisonFiles.Report;

    /// <summary>Builds the report (also used by notebooks to render the same content).</summary>
    /// <param name="config">What was compared.</param>
    /// <param name="runs">The comparison's runs.</param>
    /// <param name="summary">Their summary.</param>
    /// <param name="environment">Where they ran.</param>
    /// <param name="csvFiles">The CSV files beside the report, linked at the end.</param>
    /// <param name="bornDead">Born-dead cells to show as heatmaps, one grid per activation (computed by the caller); none to leave them out.</param>
    public static HtmlReport Build(ComparisonConfig config, IReadOnlyList<RunResult> runs, ComparisonSummary summary,
                                   RunEnvironment environment, IReadOnlyList<string> csvFiles, IReadOnlyList<BornDeadCell>? bornDead = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(csvFiles);
        var training = config.Training;
        var report = new HtmlReport($"ReLU vs Leaky ReLU vs PReLU — {training.Model.ToString().ToUpperInvariant()} on {environment.Data}");
        report.Paragraph($"{config.Activations.Count} activations × {config.Seeds.Count} seeds, {training.Epochs} epochs each, paired design " +
                         "(per seed: the same initial weights and the same batch order for every activation). Intervals are 95 % Student-t over seeds.");

        report.Heading("The seed article's claims, at this scale");
        report.Paragraph($"Verdicts judge the size of each paired effect against a stated threshold, not merely whether it differs from 0: " +
                         $"{summary.Accuracy.DeltaSource}; {summary.Time.DeltaSource}.");
        foreach (var claim in Claim.Evaluate(summary))
        {
            report.Paragraph(claim.Reading);
        }

        report.Heading("Summary").Table(ComparisonTable.Of(summary)).Table(ComparisonTable.Contrasts(summary));

        report.Heading("Training curves");
        foreach (var chart in Charts(runs, summary, bornDead ?? []))
        {
            report.Chart(chart);
        }

        if (runs.Any(r => !r.Failed && r.Final.Alphas.Count > 0))
        {
            report.Heading("Learned α beside He et al. 2015").Paragraph(
                "Final α averaged over seeds; He et al. found large α in the first layers and small α deeper.").Table(AlphaTable.AgainstHe(runs));
        }

        report.Heading("Configuration").Table(ResultTable.Plain("", ["setting", "value"],
        [
            ["model", training.Model.ToString()], ["activations", string.Join(", ", config.Activations.Select(a => a.Canonical))],
            ["seeds", string.Join(", ", config.Seeds)], ["epochs", $"{training.Epochs}"], ["batch size", $"{training.BatchSize}"],
            ["optimizer", training.Optimizer.ToString()], ["learning rate", Number(training.LearningRate)], ["momentum", Number(training.Momentum)],
            ["weight decay", Number(training.WeightDecay)], ["weight decay on α", training.DecayAlpha ? "yes" : "no"],
        ]));
        report.Heading("Environment").Table(ResultTable.Plain("", ["", ""], environment.Rows()));
        report.Heading("Data files").Links(csvFiles.Select(f => (Path.GetFileName(f), Path.GetFileName(f)))
            .Append(("one JSON file per run", RunStore.RunsFolderName + "/")));
        return report;
    }

    /// <summary>Builds and writes <c>report.html</c> into <paramref name="folder"/> atomically; returns its path and chart count.</summary>
    public static (string Path, int Charts) Write(string folder, ComparisonConfig config, IReadOnlyList<RunResult> runs, ComparisonSummary summary,
                                                  RunEnvironment environment, IReadOnlyList<string> csvFiles, IReadOnlyList<BornDeadCell>? bornDead = null)
    {
        var report = Build(config, runs, summary, environment, csvFiles, bornDead);
        var path = System.IO.Path.Combine(folder, FileName);
        report.Write(path);
        return (path, report.ChartCount);
    }

    /// <summary>The charts of a comparison, each with a takeaway computed from the runs (and the born-dead cells given, if any).</summary>
    public static IReadOnlyList<ReportChart> Charts(IReadOnlyList<RunResult> runs, ComparisonSummary summary, IReadOnlyList<BornDeadCell>? bornDead = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(summary);
        var charts = new List<ReportChart>();
        if (runs.All(r => r.Failed))
        {
            return charts; // nothing trained to plot; the summary table says every run failed
        }

        if (summary.Contrasts.Count > 0)
        {
            charts.Add(VerdictPlots.AccuracyForest(summary));
            charts.Add(VerdictPlots.TimeForest(summary));
        }

        if (summary.Baseline is not null && summary.Rows.Count > 1)
        {
            charts.Add(TrainingPlots.AccuracyAgainstBaseline(runs, summary));
        }

        var ranked = summary.Rows.Where(r => r.TestAccuracy is not null).OrderByDescending(r => r.TestAccuracy!.Mean).ToList();
        if (ranked.Count > 0)
        {
            charts.Add(new ReportChart("Test accuracy", $"Final test accuracy: highest {ranked[0].DisplayName} ({Format(ranked[0].TestAccuracy, "0.00")} %), " +
                $"lowest {ranked[^1].DisplayName} ({Format(ranked[^1].TestAccuracy, "0.00")} %).",
                TrainingPlots.Curves(runs, e => e.Epoch == 0 ? double.NaN : 100 * e.TestAccuracy,
                                     "Test accuracy from epoch 1 (mean and 95 % CI over seeds)", "test accuracy (%)")));
        }

        var byLoss = summary.Rows.Where(r => r.TestLoss is not null).OrderBy(r => r.TestLoss!.Mean).ToList();
        charts.Add(new ReportChart("Training loss", "Training loss falls for every activation; the band is the 95 % CI over seeds.",
            TrainingPlots.Curves(runs, e => e.TrainLoss, "Training loss (mean and 95 % CI over seeds)", "cross-entropy (nats)")));
        if (byLoss.Count > 0)
        {
            charts.Add(new ReportChart("Test loss", $"Lowest final test loss: {byLoss[0].DisplayName} ({Format(byLoss[0].TestLoss, "0.000")}).",
                TrainingPlots.Curves(runs, e => e.TestLoss, "Test loss (mean and 95 % CI over seeds)", "cross-entropy (nats)")));
        }

        var dead = summary.Rows.Select(r => $"{r.DisplayName} {r.DeadPercent.ToString("0.0", CultureInfo.InvariantCulture)} %");
        charts.Add(new ReportChart("Dead units", $"Dead units after training (share of all hidden units, mean over seeds): {string.Join(", ", dead)}.",
            DeadPlots.OverEpochs(runs)));
        charts.Add(new ReportChart("Dormant units", "τ-dormant units (Sokar et al. 2023) apply to every activation, including those never exactly 0.",
            DeadPlots.OverEpochs(runs, Tau.Standard)));

        var channelWise = runs.Where(r => !r.Failed && r.Config.Activation.Kind == ActivationKind.PReLUChannelWise).ToList();
        if (channelWise.Count > 0)
        {
            var he = AlphaPlots.HeTable(channelWise);
            charts.Add(new ReportChart("Learned α", $"Channel-wise α after training, per layer; mean α is {Number(he[0].ChannelWiseMean)} in {he[0].Layer} " +
                $"and {Number(he[^1].ChannelWiseMean)} in {he[^1].Layer}.", AlphaPlots.Distribution(channelWise)));
        }

        if (runs.Any(r => !r.Failed && r.Final.Alphas.Count > 0))
        {
            charts.Add(new ReportChart("α over training", "α moves away from its initial value during training; lines are means over seeds.", AlphaPlots.Trajectories(runs)));
        }

        var ratios = summary.Rows.Where(r => r.VsBaseline is not null).Select(r => $"{r.DisplayName} ×{r.VsBaseline!.TimeRatio.Ratio:0.000}");
        charts.Add(new ReportChart("Epoch time", $"Epoch time relative to ReLU (paired by seed): {string.Join(", ", ratios)}.", TrainingPlots.EpochTime(summary)));

        charts.AddRange(BornDeadPage.Charts(bornDead ?? []));
        return charts;
    }

    private static string Format(MeanInterval? interval, string format) => interval is null ? "—" : interval.ToString(format);

    private static string Number(double value) => double.IsNaN(value) ? "—" : value.ToString("0.###", CultureInfo.InvariantCulture);
}
