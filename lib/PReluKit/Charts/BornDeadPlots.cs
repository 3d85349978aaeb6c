using Plotly.NET;
using PReluKit.Metrics;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>The born-dead probability grid as a heatmap.</summary>
public static class BornDeadPlots
{
    /// <summary>
    /// P(born dead) against depth, one line per width, with the exact 95 % (Clopper–Pearson) interval as error bars, for
    /// one activation's cells; the reading names the largest probability and where it is reached.
    /// </summary>
    public static ReportChart OverDepth(IReadOnlyList<BornDeadCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var activation = cells.Count > 0 ? cells[0].Activation : throw new ArgumentException("BornDeadPlots.OverDepth: no cells.", nameof(cells));
        var traces = cells.GroupBy(c => c.Width).OrderBy(g => g.Key).Select((width, i) =>
        {
            var points = width.OrderBy(c => c.Depth).ToList();
            var line = CSharpChart.Line<double, double, string>(points.Select(c => (double)c.Depth), points.Select(c => c.Probability.Proportion),
                Name: $"width {width.Key}", ShowMarkers: true, LineColor: ChartStyle.Color(ChartStyle.SeriesHex(i)));
            return ChartStyle.WithAsymmetricYErrors(line, points.Select(c => c.Probability.Upper - c.Probability.Proportion),
                                                    points.Select(c => c.Probability.Proportion - c.Probability.Lower));
        });
        var worst = cells.MaxBy(c => c.Probability.Proportion)!;
        var reading = worst.Probability.Successes == 0
            ? $"{activation.DisplayName}: no net of any width or depth here was constant at initialisation (0 of {worst.Probability.Trials:N0} per cell; " +
              $"the 95 % upper bound is {worst.Probability.Upper:P1})."
            : $"{activation.DisplayName}: up to {worst.Probability.Proportion:P1} [{worst.Probability.Lower:P1}, {worst.Probability.Upper:P1}] of nets are " +
              $"constant at initialisation (width {worst.Width}, depth {worst.Depth}); narrower and deeper is worse.";
        return new ReportChart($"Born dead: {activation.DisplayName}", reading, ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine(traces),
            $"P(born dead) against depth, {activation.DisplayName} (He-normal init, {worst.Probability.Trials:N0} nets per point, 95 % CI)",
            "hidden layers (depth)", "P(network constant on [−1, 1])")));
    }

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
