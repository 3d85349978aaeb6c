using System.Globalization;
using Microsoft.FSharp.Core;
using Plotly.NET;
using PReluKit.Activations;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>Plots of the family's closed-form f(x) and f′(x).</summary>
public static class ActivationPlots
{
    /// <summary>The widest x range the plots draw: beyond it the sample spacing or f(x) itself overflows a double.</summary>
    public const double LargestAbsX = 1e6;

    /// <summary>f(x) of each spec on [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static GenericChart Functions(IReadOnlyList<ActivationSpec> specs, double from = -3, double to = 3, string? title = null) =>
        Curves(specs, s => s.Value, from, to, title ?? "Activation functions", "f(x)");

    /// <summary>f′(x) of each spec (PyTorch's convention at 0).</summary>
    public static GenericChart Derivatives(IReadOnlyList<ActivationSpec> specs, double from = -3, double to = 3, string? title = null) =>
        Curves(specs, s => s.Derivative, from, to, title ?? "Derivatives of the activation functions", "f′(x)");

    /// <summary>The seed article's figure: Leaky ReLU with α = 0.01 against PReLU with α = 0.05.</summary>
    public static GenericChart SeedFigure() =>
        Functions([ActivationSpec.Leaky(0.01), ActivationSpec.PReLU(0.05)], -2, 2, "Leaky ReLU (α = 0.01) vs PReLU (α = 0.05)");

    /// <summary>PReLU for a family of α values: how the slope of the negative side changes the function.</summary>
    public static GenericChart AlphaFamily(IReadOnlyList<double> alphas, double from = -3, double to = 3)
    {
        ArgumentNullException.ThrowIfNull(alphas);
        var xs = Grid(from, to);
        var lines = alphas.Select((alpha, i) => CSharpChart.Line<double, double, string>(
            xs, xs.Select(x => x > 0 ? x : alpha * x), Name: $"α = {alpha.ToString("0.###", CultureInfo.InvariantCulture)}",
            LineColor: ChartStyle.Color(ChartStyle.SeriesHex(i))));
        return ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine(lines), "PReLU for several α (α = 0: ReLU, α = 1: identity)", "x", "f(x)"));
    }

    /// <summary>
    /// PReLU's f(x) and f′(x) with a slider over α: moving it redraws both curves (plotly.js runs the slider in the page,
    /// online or offline). The chart opens at <paramref name="initial"/>.
    /// </summary>
    public static GenericChart AlphaExplorer(IReadOnlyList<double> alphas, double initial = AlphaInit.He, double from = -3, double to = 3)
    {
        ArgumentNullException.ThrowIfNull(alphas);
        if (alphas.Count == 0 || !alphas.Contains(initial))
        {
            throw new ArgumentException($"AlphaExplorer: the α values must include the initial α {initial}.", nameof(alphas));
        }

        var xs = Grid(from, to);
        var start = alphas.ToList().IndexOf(initial);
        var traces = new List<GenericChart>();
        foreach (var (alpha, i) in alphas.Select((a, i) => (a, i)))
        {
            var spec = ActivationSpec.PReLU(alpha);
            traces.Add(Hidden(CSharpChart.Line<double, double, string>(xs, xs.Select(spec.Value), Name: "f(x)", LineColor: ChartStyle.Color(spec.Colour)), i != start));
            traces.Add(Hidden(CSharpChart.Line<double, double, string>(xs, xs.Select(spec.Derivative), Name: "f′(x)", LineColor: ChartStyle.Color("#7f7f7f"),
                LineDash: StyleParam.DrawingStyle.Dash), i != start));
        }

        var steps = alphas.Select((alpha, i) => new Dictionary<string, object>
        {
            ["method"] = "restyle",
            ["label"] = alpha.ToString("0.##", CultureInfo.InvariantCulture),
            ["args"] = new object[] { "visible", Enumerable.Range(0, traces.Count).Select(t => t / 2 == i).ToArray() },
        }).ToArray();
        var slider = new Dictionary<string, object>
        {
            ["active"] = start,
            ["currentvalue"] = new Dictionary<string, object> { ["prefix"] = "α = " },
            ["pad"] = new Dictionary<string, object> { ["t"] = 50 },
            ["steps"] = steps,
        };
        var chart = GenericChart.mapLayout(FSharpFunc<Layout, Layout>.FromConverter(layout =>
        {
            layout.SetProperty("sliders", new[] { slider });
            return layout;
        }), ChartStyle.Combine(traces));
        return ChartStyle.Finish(chart, "PReLU: f(x) = max(0, x) + α·min(0, x) and its derivative — move the slider", "x", "f(x), f′(x)",
                                 height: 520);
    }

    private static GenericChart Hidden(GenericChart trace, bool hidden) =>
        !hidden ? trace : GenericChart.mapTrace(FSharpFunc<Trace, Trace>.FromConverter(t =>
        {
            t.SetProperty("visible", false);
            return t;
        }), trace);

    private static GenericChart Curves(IReadOnlyList<ActivationSpec> specs, Func<ActivationSpec, Func<double, double>> function,
                                       double from, double to, string title, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (!(from < to))
        {
            throw new ArgumentException($"plot range: from must be below to, got [{from}, {to}].", nameof(from));
        }

        var xs = Grid(from, to);
        var lines = specs.Select(spec => CSharpChart.Line<double, double, string>(
            xs, xs.Select(function(spec)), Name: spec.DisplayName, LineColor: ChartStyle.Color(spec.Colour)));
        return ChartStyle.LegendBelow(ChartStyle.Finish(ChartStyle.Combine(lines), title, "x", yTitle));
    }

    /// <summary>401 points, with x = 0 exactly on the grid when the range spans it.</summary>
    private static double[] Grid(double from, double to) =>
        [.. Enumerable.Range(0, 401).Select(i => from + ((to - from) * i / 400.0)).Append(0).Where(x => x >= from && x <= to).Distinct().Order()];
}
