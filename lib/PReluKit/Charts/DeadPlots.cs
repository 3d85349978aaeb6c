using Plotly.NET;
using PReluKit.Activations;
using PReluKit.Metrics;
using PReluKit.Training;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>Dead and dormant units over training, and on-rate histograms.</summary>
public static class DeadPlots
{
    /// <summary>Percent of units per layer (mean over seeds) that are dead (never positive) — or τ-dormant — at each epoch.</summary>
    /// <param name="runs">Runs of one comparison.</param>
    /// <param name="tau">Null for dead units; a τ of <see cref="Tau.Reported"/> for τ-dormant units.</param>
    public static GenericChart OverEpochs(IReadOnlyList<RunResult> runs, Tau? tau = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var traces = new List<GenericChart>();
        foreach (var group in TrainingPlots.ByActivation(runs))
        {
            var spec = group.First().Config.Activation;
            var layers = group.First().Final.Dead.Select(l => l.Layer).ToList();
            foreach (var (layer, layerIndex) in layers.Select((l, i) => (l, i)))
            {
                var points = group.SelectMany(r => r.Epochs).GroupBy(e => e.Epoch).OrderBy(g => g.Key)
                    .Select(g => (Epoch: (double)g.Key, Percent: g.Average(e => Percent(e.Dead.Single(d => d.Layer == layer), tau))))
                    .ToList();
                traces.Add(CSharpChart.Line<double, double, string>(points.Select(p => p.Epoch), points.Select(p => p.Percent),
                    Name: $"{spec.DisplayName} · {layer}", LineColor: ChartStyle.Color(spec.Colour),
                    LineDash: layerIndex switch { 0 => StyleParam.DrawingStyle.Solid, 1 => StyleParam.DrawingStyle.Dash, _ => StyleParam.DrawingStyle.Dot },
                    ShowMarkers: true));
            }

        }

        var what = tau is null ? "Units never positive on the training data (ReLU: dead; Leaky ReLU, PReLU: off)" : $"τ-dormant units (τ = {tau})";
        return ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine(traces), $"{what} per layer over training", "epoch", "units (%)", height: 520));
    }

    /// <summary>Histogram of per-unit on-rates (share of positive pre-activations) for each layer of a report.</summary>
    public static GenericChart OnRates(DeadNeuronReport report, string title)
    {
        ArgumentNullException.ThrowIfNull(report);
        var traces = report.Units.Select((u, i) => CSharpChart.Histogram<double, double, string>(
            X: u.OnRate.ToArray(), Name: u.Layer, Opacity: 0.6, MarkerColor: ChartStyle.Color(ChartStyle.SeriesHex(i))));
        return ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine(traces), title, "on-rate (share of samples with positive pre-activation)", "units"));
    }

    /// <summary>
    /// Each unit's on-rate (share of samples with a positive pre-activation) in <paramref name="layer"/>, at initialisation and
    /// after every epoch, as a units × epochs heatmap (units sorted by their final on-rate, dead ones at the bottom), with the
    /// reading from <see cref="UnitHistory"/>: units dead at the start, dying during training, and reviving.
    /// </summary>
    public static ReportChart OnRateHeatmap(IReadOnlyList<DeadNeuronReport> byEpoch, string layer, ActivationSpec activation)
    {
        ArgumentNullException.ThrowIfNull(byEpoch);
        ArgumentNullException.ThrowIfNull(activation);
        var index = byEpoch[0].Units.ToList().FindIndex(u => u.Layer == layer);
        if (index < 0)
        {
            throw new ArgumentException($"OnRateHeatmap: no layer '{layer}'; the layers are {string.Join(", ", byEpoch[0].Units.Select(u => u.Layer))}.", nameof(layer));
        }

        var rates = byEpoch.Select(r => r.Units[index].OnRate).ToList();
        var order = Enumerable.Range(0, rates[0].Count).OrderBy(u => rates[^1][u]).ThenBy(u => u).ToList();
        var z = order.Select(u => rates.Select(epoch => epoch[u]).ToArray()).ToArray();
        var chart = CSharpChart.Heatmap<double, string, string, string>(
            zData: z, X: Enumerable.Range(0, rates.Count).Select(e => $"epoch {e}").ToArray(), Y: order.Select(u => $"unit {u}").ToArray(),
            Name: layer, ColorScale: StyleParam.Colorscale.Viridis, Text: "on-rate");
        var history = UnitHistory.Of(byEpoch)[index];
        var reading = $"{activation.DisplayName}, after epoch {byEpoch.Count - 1} — {history.Story(activation.InactiveWord)}" +
                      (activation.CanDie ? "" : $" Off is not dead: a {activation.DisplayName} unit below zero on every sample still passes α·g back.");
        return new ReportChart($"On-rates, {layer}", reading, ChartStyle.Finish(chart,
            $"On-rate of each unit of {layer} over training, {activation.DisplayName} (0 = never positive: {activation.InactiveWord})", "epoch (0 = initialisation)", "unit (sorted by final on-rate)",
            height: 520));
    }

    /// <summary>Dead units per layer, in percent, at initialisation and after each epoch, one line per activation and layer.</summary>
    public static ReportChart DeadOverEpochs(IReadOnlyList<(ActivationSpec Activation, IReadOnlyList<DeadNeuronReport> ByEpoch)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var traces = new List<GenericChart>();
        var finals = new List<string>();
        foreach (var (activation, byEpoch) in runs)
        {
            foreach (var (history, layerIndex) in UnitHistory.Of(byEpoch).Select((h, i) => (h, i)))
            {
                var percents = history.DeadByEpoch.Select(d => 100.0 * d / history.Units).ToList();
                traces.Add(CSharpChart.Line<double, double, string>(Enumerable.Range(0, percents.Count).Select(e => (double)e), percents,
                    Name: $"{activation.DisplayName} · {history.Layer}", LineColor: ChartStyle.Color(activation.Colour), ShowMarkers: true,
                    LineDash: layerIndex == 0 ? StyleParam.DrawingStyle.Solid : StyleParam.DrawingStyle.Dash));
                finals.Add($"{activation.DisplayName} {history.Layer} {percents[^1]:0.0} % {activation.InactiveWord} (peak {percents.Max():0.0} %)");
            }
        }

        return new ReportChart("Units never positive over epochs",
            $"Units never positive after the last epoch (dead for ReLU, off for the others, which still pass α·g back): {string.Join("; ", finals)}.",
            ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine(traces),
                                                     "Units never positive on the training data, per layer (ReLU: dead; Leaky ReLU, PReLU: off)",
                                                     "epoch (0 = initialisation)", "units never positive (%)", height: 500)));
    }

    /// <summary>The histogram of <paramref name="layer"/>'s outputs at initialisation and after training, overlaid.</summary>
    public static ReportChart OutputHistograms(DeadNeuronReport initial, DeadNeuronReport final, string layer, ActivationSpec activation)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(activation);
        OutputHistogram Of(DeadNeuronReport report) => report.Units.FirstOrDefault(u => u.Layer == layer)?.Histogram
            ?? throw new ArgumentException($"OutputHistograms: no layer '{layer}' (or no histograms: measure with histograms on).", nameof(layer));
        var (before, after) = (Of(initial), Of(final));
        var width = (before.Max - before.Min) / before.Counts.Count;
        var zeroBin = Math.Clamp((int)Math.Floor((0 - before.Min) / width), 0, before.Counts.Count - 1); // the bin [lo, hi) that holds 0
        double ShareInZeroBin(OutputHistogram h)
        {
            var total = h.Counts.Sum();
            return total == 0 ? 0 : 100.0 * h.Counts[zeroBin] / total;
        }

        GenericChart Bars(OutputHistogram h, string name, double opacity) =>
            CSharpChart.Column<long, double, string>(h.Counts, Keys: h.BinCentres.ToArray(), Name: name, Opacity: opacity);
        var chart = ChartStyle.Combine([Bars(before, "at initialisation", 0.55), Bars(after, "after training", 0.55)]);
        chart = GenericChart.mapLayout(Microsoft.FSharp.Core.FSharpFunc<Layout, Layout>.FromConverter(layout =>
        {
            layout.SetProperty("barmode", "overlay");
            return layout;
        }), chart);
        var (low, high) = (before.Min + (zeroBin * width), before.Min + ((zeroBin + 1) * width));
        var reading = $"{activation.DisplayName}, {layer}: the bin around 0, [{low:0.###}, {high:0.###}) (where ReLU's exact zeros fall), has {ShareInZeroBin(before):0.0} % " +
                      $"of the outputs at initialisation and {ShareInZeroBin(after):0.0} % after training.";
        return new ReportChart($"Outputs of {layer}", reading, ChartStyle.LegendBelow(ChartStyle.Finish(chart,
            $"Outputs of {layer}, {activation.DisplayName} (values beyond ±{before.Max:0} in the edge bins)", "output value", "count")));
    }

    private static double Percent(LayerDeadness layer, Tau? tau) => tau is { } t ? layer.DormantPercent(t) : layer.DeadPercent;
}
