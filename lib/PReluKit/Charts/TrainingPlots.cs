using Plotly.NET;
using PReluKit.Activations;
using PReluKit.Metrics;
using PReluKit.Statistics;
using PReluKit.Summaries;
using PReluKit.Training;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>Curves over epochs per activation, with the 95 % CI band over seeds, and epoch-time bars.</summary>
public static class TrainingPlots
{
    /// <summary>
    /// The mean of <paramref name="metric"/> per epoch over each activation's completed runs, with a shaded 95 % t-interval.
    /// </summary>
    /// <param name="runs">Runs of one comparison.</param>
    /// <param name="metric">The value to plot for an epoch; NaN values (e.g. training loss at epoch 0) are skipped.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="yTitle">Y-axis title with unit.</param>
    public static GenericChart Curves(IReadOnlyList<RunResult> runs, Func<EpochRecord, double> metric, string title, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(metric);
        var traces = new List<GenericChart>();
        foreach (var group in ByActivation(runs))
        {
            var spec = group.First().Config.Activation;
            var hex = spec.Colour;
            var points = group.SelectMany(r => r.Epochs).GroupBy(e => e.Epoch).OrderBy(g => g.Key)
                .Select(g => (Epoch: (double)g.Key, Values: g.Select(metric).Where(v => !double.IsNaN(v)).ToList()))
                .Where(p => p.Values.Count > 0)
                .Select(p => (p.Epoch, Interval: MeanInterval.Of(p.Values)))
                .ToList();
            var xs = points.Select(p => p.Epoch).ToList();
            var banded = points.All(p => !double.IsNaN(p.Interval.HalfWidth));
            if (banded)
            {
                traces.Add(CSharpChart.Line<double, double, string>(xs, points.Select(p => p.Interval.Upper), ShowLegend: false,
                    LineColor: ChartStyle.Color(hex, 0), Name: $"{spec.DisplayName} upper 95 %"));
                traces.Add(CSharpChart.Line<double, double, string>(xs, points.Select(p => p.Interval.Lower), ShowLegend: false,
                    LineColor: ChartStyle.Color(hex, 0), Fill: StyleParam.Fill.ToNext_y, FillColor: ChartStyle.Color(hex, 0.18),
                    Name: $"{spec.DisplayName} lower 95 %"));
            }

            traces.Add(CSharpChart.Line<double, double, string>(xs, points.Select(p => p.Interval.Mean), Name: spec.DisplayName,
                LineColor: ChartStyle.Color(hex), ShowMarkers: true));
        }

        return ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine(traces), title, "epoch", yTitle));
    }

    /// <summary>
    /// The paired difference of <paramref name="metric"/> to <paramref name="baseline"/>'s run of the same seed, epoch by
    /// epoch from epoch 1, per activation: mean and 95 % band over seeds. Unlike the raw curves, whose first epoch's jump
    /// dwarfs everything, this shows where the activations part.
    /// </summary>
    public static GenericChart DifferenceCurves(IReadOnlyList<RunResult> runs, ActivationSpec baseline, Func<EpochRecord, double> metric,
                                                string title, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(metric);
        var reference = runs.Where(r => !r.Failed && r.Config.Activation == baseline).GroupBy(r => r.Seed).ToDictionary(g => g.Key, g => g.First());
        var traces = new List<GenericChart>();
        foreach (var group in ByActivation(runs).Where(g => g.Key != baseline))
        {
            var hex = group.Key.Colour;
            var points = group.Where(r => reference.ContainsKey(r.Seed))
                .SelectMany(r => r.Epochs.Where(e => e.Epoch > 0).Select(e => (e.Epoch, Value: metric(e) - metric(reference[r.Seed].Epochs.First(b => b.Epoch == e.Epoch)))))
                .GroupBy(p => p.Epoch).OrderBy(g => g.Key)
                .Select(g => (Epoch: (double)g.Key, Interval: MeanInterval.Of([.. g.Select(p => p.Value)])))
                .ToList();
            var xs = points.Select(p => p.Epoch).ToList();
            if (points.All(p => !double.IsNaN(p.Interval.HalfWidth)))
            {
                traces.Add(CSharpChart.Line<double, double, string>(xs, points.Select(p => p.Interval.Upper), ShowLegend: false,
                    LineColor: ChartStyle.Color(hex, 0), Name: $"{group.Key.DisplayName} upper 95 %"));
                traces.Add(CSharpChart.Line<double, double, string>(xs, points.Select(p => p.Interval.Lower), ShowLegend: false,
                    LineColor: ChartStyle.Color(hex, 0), Fill: StyleParam.Fill.ToNext_y, FillColor: ChartStyle.Color(hex, 0.18),
                    Name: $"{group.Key.DisplayName} lower 95 %"));
            }

            traces.Add(CSharpChart.Line<double, double, string>(xs, points.Select(p => p.Interval.Mean), Name: $"{group.Key.DisplayName} − {baseline.DisplayName}",
                LineColor: ChartStyle.Color(hex), ShowMarkers: true));
        }

        return ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine(traces), title, "epoch", yTitle));
    }

    /// <summary>Test accuracy minus the baseline's, same seed, per epoch, with the reading after the last epoch.</summary>
    public static ReportChart AccuracyAgainstBaseline(IReadOnlyList<RunResult> runs, ComparisonSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var baseline = summary.Baseline ?? throw new ArgumentException("AccuracyAgainstBaseline: the comparison has no ReLU runs.", nameof(summary));
        var last = summary.Rows.Where(r => r.VsBaseline is not null).Select(r => $"{r.DisplayName} {r.VsBaseline!.AccuracyDifference.ToString("+0.00;-0.00;0.00")}");
        return new ReportChart("Accuracy against ReLU, epoch by epoch",
            $"Difference to ReLU's test accuracy of the same seed, in points, after the last epoch: {string.Join(", ", last)}. " +
            EpochsApart(runs, baseline),
            DifferenceCurves(runs, baseline, e => 100 * e.TestAccuracy, "Test accuracy minus ReLU's, same seed (mean and 95 % CI)", "difference (points)"));
    }

    /// <summary>
    /// ‖∇W‖₂ per layer (the L2 norm of all of a layer's parameter gradients on one batch), grouped by layer, one bar per
    /// activation; the reading compares the first layer's gradient across activations.
    /// </summary>
    public static ReportChart GradientNorms(IReadOnlyList<(ActivationSpec Activation, IReadOnlyList<LayerGradient> Norms)> runs, string when)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var bars = runs.Select(r => CSharpChart.Column<double, string, string>(r.Norms.Select(g => g.Norm), Keys: r.Norms.Select(g => g.Layer).ToArray(),
            Name: r.Activation.DisplayName, MarkerColor: ChartStyle.Color(r.Activation.Colour)));
        return new ReportChart("Gradient norms", GradientReading(runs, when),
            ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine(bars), $"Gradient norm per layer {when}", "layer", "‖∇W‖₂ (L2 norm over the layer's parameters)")));
    }

    /// <summary>
    /// The bars read: each layer all activations have, with the largest ratio between them; and the bars only PReLU has, the
    /// gradients of its α, which are not 0 while α learns.
    /// </summary>
    private static string GradientReading(IReadOnlyList<(ActivationSpec Activation, IReadOnlyList<LayerGradient> Norms)> runs, string when)
    {
        var shared = runs[0].Norms.Select(g => g.Layer).Where(l => runs.All(r => r.Norms.Any(g => g.Layer == l))).ToList();
        double Norm(int run, string layer) => runs[run].Norms.First(g => g.Layer == layer).Norm;
        var layers = shared.Select(l =>
        {
            var norms = Enumerable.Range(0, runs.Count).Select(i => Norm(i, l)).ToList();
            return $"{l}: " + string.Join(", ", runs.Select((r, i) => $"{r.Activation.DisplayName} {norms[i]:0.000}")) +
                   (norms.Min() > 0 ? $" (largest / smallest ×{norms.Max() / norms.Min():0.0})" : "");
        });
        var alphas = runs.SelectMany(r => r.Norms.Where(g => !shared.Contains(g.Layer)).Select(g => $"{r.Activation.DisplayName} {g.Layer} {g.Norm:0.0000}")).ToList();
        return $"‖∇W‖₂ {when}, from one batch (a snapshot, not an average over the epoch): {string.Join("; ", layers)}." +
               (alphas.Count == 0 ? "" : $" The bars only some activations have are α's own gradients, ∂L/∂α: {string.Join(", ", alphas)}" +
                                         " — not 0, so α was still learning.");
    }

    /// <summary>Mean training seconds per epoch per activation, with 95 % CI error bars over runs.</summary>
    public static GenericChart EpochTime(ComparisonSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var rows = summary.Rows.Where(r => r.EpochSeconds is not null).ToList();
        var bars = CSharpChart.Column<double, string, string>(rows.Select(r => r.EpochSeconds!.Mean), Keys: rows.Select(r => r.DisplayName).ToArray(),
            Name: "epoch time", MarkerColor: ChartStyle.Color("#4c78a8"));
        bars = ChartStyle.WithYErrors(bars, rows.Select(r => r.EpochSeconds!.HalfWidth));
        return ChartStyle.Finish(bars, "Training time per epoch (mean ± 95 % CI over runs)", "activation", "seconds per epoch");
    }

    /// <summary>Runs grouped by activation (canonical key), in first-seen order, diverged runs left out.</summary>
    internal static IEnumerable<IGrouping<ActivationSpec, RunResult>> ByActivation(IReadOnlyList<RunResult> runs) =>
        runs.Where(r => !r.Failed).GroupBy(r => r.Config.Activation);

    /// <summary>
    /// The epochs at which an activation's paired accuracy interval (over seeds, against the same seed's baseline) lies wholly
    /// above or below 0; with none, "not settled at any epoch" — an interval covering 0 is no evidence of no difference.
    /// </summary>
    public static string EpochsApart(IReadOnlyList<RunResult> runs, ActivationSpec baseline)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var reference = runs.Where(r => !r.Failed && r.Config.Activation == baseline).GroupBy(r => r.Seed).ToDictionary(g => g.Key, g => g.First());
        var parts = new List<string>();
        foreach (var group in ByActivation(runs).Where(g => g.Key != baseline))
        {
            var byEpoch = group.Where(r => !r.Failed && reference.ContainsKey(r.Seed))
                .SelectMany(r => r.Epochs.Where(e => e.Epoch > 0).Select(e => (e.Epoch,
                    Value: 100 * (e.TestAccuracy - reference[r.Seed].Epochs.First(b => b.Epoch == e.Epoch).TestAccuracy))))
                .GroupBy(p => p.Epoch).OrderBy(g => g.Key)
                .Select(g => (Epoch: g.Key, Position: IntervalAgainst.Line(MeanInterval.Of([.. g.Select(p => p.Value)]))))
                .Where(p => p.Position is IntervalPosition.Above or IntervalPosition.Below).ToList();
            if (byEpoch.Count > 0)
            {
                parts.Add($"{group.Key.DisplayName} {string.Join(", ", byEpoch.Select(p => $"{(p.Position == IntervalPosition.Above ? "ahead" : "behind")} at epoch {p.Epoch}"))}");
            }
        }

        return parts.Count == 0
            ? $"At no epoch does any activation's paired interval exclude 0: none is settled ahead of or behind {baseline.DisplayName} at any epoch, at this scale."
            : $"Epochs at which the paired interval excludes 0: {string.Join("; ", parts)}; at the other epochs the difference is not settled.";
    }
}
