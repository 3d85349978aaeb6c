using Plotly.NET;
using PReluKit.Statistics;
using PReluKit.Training;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>Learned α: per-layer distributions, trajectories, and He et al.'s Table 1 layout.</summary>
public static class AlphaPlots
{
    /// <summary>Box plots of the channel-wise α of each layer after training (all seeds pooled).</summary>
    public static GenericChart Distribution(IReadOnlyList<RunResult> runs, string title = "Learned α per layer after training")
    {
        ArgumentNullException.ThrowIfNull(runs);
        var finals = runs.Where(r => !r.Failed && r.Final.Alphas.Count > 0).ToList();
        var layers = finals.SelectMany(r => r.Final.Alphas.Select(a => a.Layer)).Distinct().ToList();
        var boxes = layers.Select((layer, i) =>
        {
            var values = finals.SelectMany(r => r.Final.Alphas.Where(a => a.Layer == layer).SelectMany(a => a.Values)).ToArray();
            return CSharpChart.BoxPlot<string, double, string>(Y: values, Name: layer, MarkerColor: ChartStyle.Color(ChartStyle.SeriesHex(i)),
                BoxPoints: StyleParam.BoxPoints.Outliers);
        });
        return ChartStyle.Finish(ChartStyle.Combine(boxes), title, "layer", "α");
    }

    /// <summary>Mean α per layer over epochs (mean over seeds), one line per (activation, layer).</summary>
    public static GenericChart Trajectories(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var traces = new List<GenericChart>();
        var index = 0;
        foreach (var group in TrainingPlots.ByActivation(runs).Where(g => g.First().Final.Alphas.Count > 0))
        {
            var spec = group.First().Config.Activation;
            foreach (var layer in group.First().Final.Alphas.Select(a => a.Layer))
            {
                var points = group.SelectMany(r => r.Epochs).GroupBy(e => e.Epoch).OrderBy(g => g.Key)
                    .Select(g => (Epoch: (double)g.Key, Alpha: g.Average(e => e.Alphas.Single(a => a.Layer == layer).Mean))).ToList();
                traces.Add(CSharpChart.Line<double, double, string>(points.Select(p => p.Epoch), points.Select(p => p.Alpha),
                    Name: $"{spec.DisplayName} · {layer}", LineColor: ChartStyle.Color(ChartStyle.SeriesHex(index++)), ShowMarkers: true));
            }
        }

        return ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine(traces), "Mean learned α per layer over training", "epoch", "mean α"));
    }

    /// <summary>
    /// He et al. (2015) Table 1 layout: per layer, the final α of channel-shared PReLU and the mean final α of
    /// channel-wise PReLU (each averaged over seeds); missing entries are NaN.
    /// </summary>
    public static IReadOnlyList<(string Layer, double Shared, double ChannelWiseMean)> HeTable(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        double Mean(Activations.ActivationKind kind, string layer)
        {
            var values = runs.Where(r => !r.Failed && r.Config.Activation.Kind == kind)
                .SelectMany(r => r.Final.Alphas.Where(a => a.Layer == layer).Select(a => a.Mean)).ToList();
            return values.Count == 0 ? double.NaN : values.Average();
        }

        var layers = runs.Where(r => !r.Failed).SelectMany(r => r.Final.Alphas.Select(a => a.Layer)).Distinct().ToList();
        return [.. layers.Select(l => (l, Mean(Activations.ActivationKind.PReLUShared, l), Mean(Activations.ActivationKind.PReLUChannelWise, l)))];
    }

    /// <summary>
    /// Whether the first layer learns the largest channel-wise α: per seed, the first layer's mean α minus each deeper
    /// layer's, with its 95 % interval over seeds and where that interval lies against 0. The notebook turns it into the
    /// sentence (<see cref="FirstLayerAlpha.Position"/>: above 0 for every deeper layer means "largest").
    /// </summary>
    /// <returns>Null with fewer than two PReLU layers.</returns>
    public static FirstLayerAlpha? FirstLayer(IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var seeds = runs.Where(r => !r.Failed && r.Config.Activation.Kind == Activations.ActivationKind.PReLUChannelWise)
            .Select(r => r.Final.Alphas.ToDictionary(a => a.Layer, a => a.Mean)).ToList();
        var layers = seeds.SelectMany(s => s.Keys).Distinct().ToList();
        if (layers.Count < 2)
        {
            return null;
        }

        return new FirstLayerAlpha(layers[0], [.. layers.Skip(1).Select(l =>
        {
            var difference = MeanInterval.Of([.. seeds.Where(s => s.ContainsKey(layers[0]) && s.ContainsKey(l)).Select(s => s[layers[0]] - s[l])]);
            return new FirstLayerAlpha.Against(l, difference, IntervalAgainst.Line(difference));
        })]);
    }
}
