using System.Globalization;
using Plotly.NET;
using PReluKit.Benchmarking;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>What an activation costs in time, as ratios to a baseline measured in the same rounds.</summary>
public static class CostPlots
{
    /// <summary>
    /// Each candidate's forward+backward time over <paramref name="baseline"/>'s, against tensor size (log axis), with the
    /// 95 % interval of the paired ratio as error bars; the reading gives every ratio at the largest size.
    /// </summary>
    public static ReportChart RatioOverSize(IReadOnlyList<SweepPoint> points, string baseline)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("CostPlots.RatioOverSize: no points.", nameof(points));
        }

        var names = points[0].Timings.Select(t => t.Name).Where(n => n != baseline).ToList();
        var traces = names.Select((name, i) =>
        {
            var ratios = points.Select(p => p.Of(name).RatioTo(p.Of(baseline))).ToList();
            var line = CSharpChart.Line<double, double, string>(points.Select(p => (double)p.Elements), ratios.Select(r => r.Ratio),
                Name: name, ShowMarkers: true, LineColor: ChartStyle.Color(ChartStyle.SeriesHex(i + 1)));
            return ChartStyle.WithAsymmetricYErrors(line, ratios.Select(r => r.Upper - r.Ratio), ratios.Select(r => r.Ratio - r.Lower));
        });
        var largest = points[^1];
        var ratiosAtLargest = string.Join("; ", names.Select(n => $"{n} {largest.Of(n).RatioTo(largest.Of(baseline))}"));
        var overSizes = string.Join("; ", names.Select(n =>
        {
            var rs = points.Select(p => p.Of(n).RatioTo(p.Of(baseline))).ToList();
            var slower = rs.Count(r => r.Count >= Statistics.Verdict.MinPairs && r.Lower > 1);
            return string.Create(CultureInfo.InvariantCulture,
                $"{n} ×{rs.Min(r => r.Ratio):0.00}–×{rs.Max(r => r.Ratio):0.00}, slower (interval above 1) at {slower} of {rs.Count} sizes");
        }));
        var alwaysSlower = names.Where(n => points.All(p => p.Of(n).RatioTo(p.Of(baseline)) is { Count: >= Statistics.Verdict.MinPairs } r && r.Lower > 1)).ToList();
        var verdict = alwaysSlower.Count == 0 ? "No candidate is slower at every size."
            : $"Slower at every size: {string.Join(", ", alwaysSlower)} — for these the bytes prediction (about {baseline}'s time) is not met.";
        var reading = string.Create(CultureInfo.InvariantCulture,
            $"At {largest.Elements:N0} elements ({largest.Layout.Name}), time per forward+backward pass over {baseline}'s: {ratiosAtLargest}. ") +
            $"Over all sizes: {overSizes}. {verdict}";
        var chart = ChartStyle.Finish(ChartStyle.Combine(traces), $"Forward+backward time over {baseline}'s, {largest.Layout.Name} tensors (1 = as fast; 95 % CI)",
                                      "elements per tensor (log scale)", $"time / {baseline}'s time");
        chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: "elements per tensor (log scale)",
                                                                                              AxisType: StyleParam.AxisType.Log);
        return new ReportChart($"Cost over size, {largest.Layout.Name}", reading, ChartStyle.LegendBelow(chart));
    }
}
