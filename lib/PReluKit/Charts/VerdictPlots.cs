using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using PReluKit.Statistics;
using PReluKit.Summaries;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>The picture that answers the question: each paired contrast's effect and 95 % interval against the ±δ band.</summary>
public static class VerdictPlots
{
    /// <summary>
    /// A forest plot: one row per contrast (against ReLU, PReLU against Leaky ReLU, …), its effect on accuracy (points) or
    /// epoch time (percent) with the 95 % interval, the ±δ band shaded and 0 marked.
    /// </summary>
    public static GenericChart Forest(ComparisonSummary summary, bool time = false)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var measure = time ? summary.Time : summary.Accuracy;
        var verdicts = summary.Contrasts.Select(c => (c.Name, Verdict: time ? c.Time : c.Accuracy)).Reverse().ToList(); // first contrast on top
        var effects = verdicts.Select(v => v.Verdict.Effect).ToList();
        var points = CSharpChart.Point<double, string, string>(
            effects.Select(e => e.Estimate), verdicts.Select(v => v.Name), Name: measure.Name,
            MarkerColor: ChartStyle.Color("#1f3b73"));
        var error = Plotly.NET.TraceObjects.Error.init<double, double>(
            Visible: FSharpOption<bool>.Some(true), Type: FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data),
            Symmetric: FSharpOption<bool>.Some(false),
            Array: FSharpOption<IEnumerable<double>>.Some([.. effects.Select(e => e.HasInterval ? e.Upper - e.Estimate : 0)]),
            Arrayminus: FSharpOption<IEnumerable<double>>.Some([.. effects.Select(e => e.HasInterval ? e.Estimate - e.Lower : 0)]),
            ArrayEncoded: null, ArrayminusEncoded: null, Value: null, Valueminus: null, Traceref: null, Tracerefminus: null,
            Copy_ystyle: null, Color: null, Thickness: null, Width: null);
        var chart = Plotly.NET.Chart.withXError(error).Invoke(points);
        var band = Band(-measure.Delta, measure.Delta, ChartStyle.Color("#2ca02c", 0.15));
        var zero = Band(0, 0, ChartStyle.Color("#444444"));
        chart = Plotly.NET.Chart.withShapes([band, zero], FSharpOption<bool>.None).Invoke(chart);
        var title = time
            ? $"Epoch time, paired ratio as % change (95 % CI); shaded: {measure.Band}"
            : $"Test accuracy, paired difference in points (95 % CI); shaded: {measure.Band}";
        return ChartStyle.Finish(chart, title, time ? "change in epoch time (%)" : "difference in test accuracy (points)", "contrast",
                                 height: 140 + (60 * verdicts.Count), xRange: AxisRange(effects, measure.Delta));
    }

    /// <summary>
    /// The x axis's range: every interval and the whole ±δ band, with a margin on each side, so the band's edges are always
    /// in view (a band as wide as the axis would hide where δ lies).
    /// </summary>
    public static (double Min, double Max) AxisRange(IEnumerable<EffectInterval> effects, double delta)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var values = effects.SelectMany(e => e.HasInterval ? new[] { e.Lower, e.Upper, e.Estimate } : [e.Estimate]).Where(double.IsFinite).ToList();
        var low = Math.Min(-delta, values.Count == 0 ? -delta : values.Min());
        var high = Math.Max(delta, values.Count == 0 ? delta : values.Max());
        var margin = 0.15 * (high - low);
        return (low - margin, high + margin);
    }

    /// <summary>
    /// The accuracy forest plot with its reading: the contrasts grouped by verdict against ±δ, so a verdict every contrast
    /// shares is said once ("all 6 contrasts: too few seeds to judge") rather than once a row.
    /// </summary>
    public static ReportChart AccuracyForest(ComparisonSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var groups = summary.Contrasts.GroupBy(c => c.Accuracy.Label).ToList();
        var readings = groups.Count == 1 && summary.Contrasts.Count > 1
            ? [$"all {summary.Contrasts.Count} contrasts: {groups[0].Key}"]
            : groups.Select(g => $"{g.Key} ({string.Join(", ", g.Select(c => c.Name))})");
        return new ReportChart("Accuracy differences against δ",
            $"Paired accuracy differences against {summary.Accuracy.Band} — {string.Join("; ", readings)}.", Forest(summary));
    }

    /// <summary>The epoch-time forest plot with its reading: each contrast's time ratio and verdict against ±δ.</summary>
    public static ReportChart TimeForest(ComparisonSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var readings = summary.Contrasts.Select(c => $"{c.Name}: ×{c.TimeRatio.Ratio:0.000} ({c.Time.Label})");
        return new ReportChart("Epoch-time differences against δ",
            $"Paired epoch-time ratios against {summary.Time.Band}: {string.Join("; ", readings)}.", Forest(summary, time: true));
    }

    /// <summary>A vertical band from <paramref name="x0"/> to <paramref name="x1"/> over the whole plot height, under the traces.</summary>
    private static Shape Band(double x0, double x1, Color colour) => Shape.init<double, double, double, double>(
        Editable: null, FillColor: FSharpOption<Color>.Some(colour), FillRule: null, Label: null, ShowLegend: null, Legend: null, LegendRank: null,
        LegendGroup: null, LegendGroupTitle: null, LegendWidth: null, Layer: FSharpOption<StyleParam.Layer>.Some(StyleParam.Layer.Below),
        Line: null,
        Name: null, Opacity: null, Path: null, TemplateItemName: null,
        ShapeType: FSharpOption<StyleParam.ShapeType>.Some(x0 == x1 ? StyleParam.ShapeType.Line : StyleParam.ShapeType.Rectangle),
        Visible: null, X0: FSharpOption<double>.Some(x0), X1: FSharpOption<double>.Some(x1), XAnchor: null, Xref: FSharpOption<string>.Some("x"),
        XSizeMode: null, Y0: FSharpOption<double>.Some(0), Y1: FSharpOption<double>.Some(1), YAnchor: null, Yref: FSharpOption<string>.Some("paper"),
        YSizeMode: null);
}
