using Plotly.NET;
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

        var what = tau is null ? "Dead units (never positive on the training data)" : $"τ-dormant units (τ = {tau})";
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

    private static double Percent(LayerDeadness layer, Tau? tau) => tau is { } t ? layer.DormantPercent(t) : layer.DeadPercent;
}
