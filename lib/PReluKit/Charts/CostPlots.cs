using System.Globalization;
using Plotly.NET;
using PReluKit.Benchmarking;
using PReluKit.Statistics;
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
        // Per candidate, the sizes whose ratio interval lies wholly above 1: there the bytes prediction is not met.
        var slowerAt = names.Select(n => (Name: n, Ratios: points.Select(p => p.Of(n).RatioTo(p.Of(baseline))).ToList()))
            .Select(c => (c.Name, c.Ratios, Slower: c.Ratios.Count(r => IntervalAgainst.Line(r) == IntervalPosition.Above))).ToList();
        var overSizes = string.Join("; ", slowerAt.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Name} ×{c.Ratios.Min(r => r.Ratio):0.00}–×{c.Ratios.Max(r => r.Ratio):0.00}, slower (interval above 1) at {c.Slower} of {c.Ratios.Count} sizes")));
        var missed = slowerAt.Where(c => c.Slower > 0).ToList();
        var verdict = missed.Count == 0
            ? $"At no size does a candidate's interval lie above 1: the bytes prediction (about {baseline}'s time) is not contradicted here."
            : $"The bytes prediction (about {baseline}'s time) is not met where a candidate's interval lies above 1: " +
              string.Join(", ", missed.Select(c => $"{c.Name} at {c.Slower} of {c.Ratios.Count} sizes")) + ".";
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
