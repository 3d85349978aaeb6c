using Microsoft.FSharp.Core;
using Plotly.NET;
using CSharpExtensions = Plotly.NET.CSharp.GenericChartExtensions;

namespace PReluKit.Charts;

/// <summary>Titles, axis titles, sizes and colours shared by every chart of the kit.</summary>
public static class ChartStyle
{
    private static readonly string[] Series = ["#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939"];

    /// <summary>The colour of the n-th series that is not an activation (layers, α values); activations use their own (<see cref="Activations.ActivationSpec.Colour"/>).</summary>
    public static string SeriesHex(int index) => Series[Math.Abs(index) % Series.Length];

    /// <summary>A Plotly colour from a hex string, optionally translucent.</summary>
    public static Color Color(string hex, double opacity = 1)
    {
        if (opacity >= 1)
        {
            return Plotly.NET.Color.fromHex(hex);
        }

        var r = Convert.ToInt32(hex.Substring(1, 2), 16);
        var g = Convert.ToInt32(hex.Substring(3, 2), 16);
        var b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return Plotly.NET.Color.fromString(FormattableString.Invariant($"rgba({r},{g},{b},{opacity})"));
    }

    /// <summary>Overlays traces in one chart; no traces give an empty chart (Plotly.NET's own combine throws on none).</summary>
    public static GenericChart Combine(IEnumerable<GenericChart> traces)
    {
        var list = traces.ToList();
        return list.Count == 0 ? Plotly.NET.CSharp.Chart.Invisible() : Plotly.NET.CSharp.Chart.Combine(list);
    }

    /// <summary>
    /// Adds the title, both axis titles (with units) and a size: every chart of the kit ends here. A title longer than the
    /// chart is wide is broken into lines at spaces, and the top margin grows to hold them, so no title is ever cut off.
    /// <paramref name="xRange"/> fixes the x axis's range (Plotly fits it to the traces otherwise).
    /// </summary>
    public static GenericChart Finish(GenericChart chart, string title, string xTitle, string yTitle, int width = 760, int height = 440,
                                      (double Min, double Max)? xRange = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var lines = TitleLines(title ?? "", width);
        chart = xRange is { } range
            ? CSharpExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: xTitle, MinMax: Tuple.Create(range.Min, range.Max))
            : CSharpExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: xTitle);
        chart = CSharpExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: yTitle);
        chart = GenericChart.mapLayout(FSharpFunc<Layout, Layout>.FromConverter(layout =>
        {
            // Anchored to the top of the whole figure, in a margin as tall as its lines: Plotly neither wraps nor moves a title.
            layout.SetProperty("title", new Dictionary<string, object>
            {
                ["text"] = string.Join("<br>", lines), ["x"] = 0.02, ["xanchor"] = "left", ["xref"] = "container",
                ["y"] = 1, ["yanchor"] = "top", ["yref"] = "container",
                ["pad"] = new Dictionary<string, object> { ["t"] = TitlePad },
                ["font"] = new Dictionary<string, object> { ["size"] = TitleFontSize },
            });
            layout.SetProperty("margin", new Dictionary<string, object> { ["t"] = TitlePad + (lines.Count * TitleLineHeight) + 16 });
            return layout;
        }), chart);
        return CSharpExtensions.WithSize(chart, width, height);
    }

    private const int TitleFontSize = 16;
    private const int TitleLineHeight = 21;
    private const int TitlePad = 30; // below Plotly's mode bar, which sits at the top right

    /// <summary><paramref name="title"/> in lines that fit a chart <paramref name="width"/> pixels wide (about half an em per character, with room to spare).</summary>
    public static IReadOnlyList<string> TitleLines(string title, int width)
    {
        ArgumentNullException.ThrowIfNull(title);
        var perLine = Math.Max(20, (int)((width - 40) / (TitleFontSize * 0.55)));
        var lines = new List<string>();
        var line = "";
        foreach (var word in title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > perLine)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return lines;
    }

    /// <summary>Symmetric error bars on the y values of a chart's traces.</summary>
    public static GenericChart WithYErrors(GenericChart chart, IEnumerable<double> halfWidths)
    {
        var error = Plotly.NET.TraceObjects.Error.init<double, double>(
            Visible: FSharpOption<bool>.Some(true), Type: FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data), Symmetric: FSharpOption<bool>.Some(true),
            Array: FSharpOption<IEnumerable<double>>.Some([.. halfWidths.Select(h => double.IsNaN(h) ? 0 : h)]), Arrayminus: null,
            ArrayEncoded: null, ArrayminusEncoded: null, Value: null, Valueminus: null, Traceref: null, Tracerefminus: null,
            Copy_ystyle: null, Color: null, Thickness: null, Width: null);
        return Plotly.NET.Chart.withYError(error).Invoke(chart);
    }

    /// <summary>Error bars on the y values of a chart's traces, <paramref name="above"/> and <paramref name="below"/> each value.</summary>
    public static GenericChart WithAsymmetricYErrors(GenericChart chart, IEnumerable<double> above, IEnumerable<double> below)
    {
        static FSharpOption<IEnumerable<double>> Widths(IEnumerable<double> values) =>
            FSharpOption<IEnumerable<double>>.Some([.. values.Select(h => double.IsNaN(h) ? 0 : h)]);
        var error = Plotly.NET.TraceObjects.Error.init<double, double>(
            Visible: FSharpOption<bool>.Some(true), Type: FSharpOption<StyleParam.ErrorType>.Some(StyleParam.ErrorType.Data), Symmetric: FSharpOption<bool>.Some(false),
            Array: Widths(above), Arrayminus: Widths(below),
            ArrayEncoded: null, ArrayminusEncoded: null, Value: null, Valueminus: null, Traceref: null, Tracerefminus: null,
            Copy_ystyle: null, Color: null, Thickness: null, Width: null);
        return Plotly.NET.Chart.withYError(error).Invoke(chart);
    }

    /// <summary>Puts the legend below the plot, horizontally (long activation names fit).</summary>
    public static GenericChart LegendBelow(GenericChart chart) =>
        CSharpExtensions.WithLegendStyle(chart, Orientation: StyleParam.Orientation.Horizontal, Y: -0.25);
}
