using Plotly.NET;
using PReluKit.Data;
using static TorchSharp.torch;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>Decision boundaries of a trained 2-D classifier over its data.</summary>
public static class DecisionBoundaryPlots
{
    /// <summary>
    /// P(class 1) of <paramref name="model"/> on a grid around <paramref name="data"/> as a heatmap, with the points on top.
    /// </summary>
    public static GenericChart Boundary(nn.Module<Tensor, Tensor> model, LabeledTensors data, string title, int resolution = 120)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var points = data.Features.data<float>().ToArray();
        var labels = data.Labels.data<long>().ToArray();
        var xs = Enumerable.Range(0, points.Length / 2).Select(i => (double)points[2 * i]).ToArray();
        var ys = Enumerable.Range(0, points.Length / 2).Select(i => (double)points[(2 * i) + 1]).ToArray();
        double[] Axis(double[] v)
        {
            var (min, max) = (v.Min(), v.Max());
            var pad = 0.1 * (max - min);
            return [.. Enumerable.Range(0, resolution).Select(i => min - pad + ((max - min + (2 * pad)) * i / (resolution - 1)))];
        }

        var gridX = Axis(xs);
        var gridY = Axis(ys);
        double[][] probability;
        var wasTraining = model.training;
        model.eval();
        using (no_grad())
        using (var scope = NewDisposeScope())
        {
            var grid = tensor(gridY.SelectMany(y => gridX.SelectMany(x => new[] { (float)x, (float)y })).ToArray()).view(-1, 2);
            var p = nn.functional.softmax(model.call(grid), 1).select(1, 1).data<float>().ToArray();
            probability = [.. Enumerable.Range(0, resolution).Select(r => p.Skip(r * resolution).Take(resolution).Select(v => (double)v).ToArray())];
        }

        model.train(wasTraining);
        var heat = CSharpChart.Heatmap<double, double, double, string>(zData: probability, X: gridX, Y: gridY, Name: "P(class 1)",
            ColorScale: StyleParam.Colorscale.RdBu, Opacity: 0.75);
        var classes = Enumerable.Range(0, 2).Select(c => CSharpChart.Point<double, double, string>(
            xs.Where((_, i) => labels[i] == c), ys.Where((_, i) => labels[i] == c), Name: $"class {c}",
            MarkerColor: ChartStyle.Color(c == 0 ? "#2166ac" : "#b2182b"))); // Plotly's RdBu runs blue (0) to red (1)
        return ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine([heat, .. classes]), title, "x₁", "x₂", width: 560, height: 520));
    }
}
