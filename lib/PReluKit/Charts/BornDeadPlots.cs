using Plotly.NET;
using PReluKit.Metrics;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>The born-dead probability grid as a heatmap.</summary>
public static class BornDeadPlots
{
    /// <summary>P(born dead) over width × depth for one activation's cells.</summary>
    public static GenericChart Heatmap(IReadOnlyList<BornDeadCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var activationName = cells.Count > 0 ? cells[0].Activation.DisplayName
            : throw new ArgumentException("BornDeadPlots.Heatmap: no cells to plot.", nameof(cells));
        var widths = cells.Select(c => c.Width).Distinct().Order().ToList();
        var depths = cells.Select(c => c.Depth).Distinct().Order().ToList();
        var z = depths.Select(d => widths.Select(w => cells.Single(c => c.Width == w && c.Depth == d).Probability.Proportion).ToArray()).ToArray();
        var chart = CSharpChart.Heatmap<double, string, string, string>(
            zData: z, X: widths.Select(w => $"width {w}").ToArray(), Y: depths.Select(d => $"depth {d}").ToArray(), Name: activationName,
            ColorScale: StyleParam.Colorscale.Viridis, Text: "P(born dead)");
        return ChartStyle.Finish(chart, $"Born-dead probability, {activationName} (He-normal init, {cells[0].Probability.Trials:N0} nets per cell)",
            "hidden-layer width (units)", "hidden layers (depth)", width: 620, height: 460);
    }
}
