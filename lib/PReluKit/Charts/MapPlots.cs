using System.Globalization;
using Microsoft.FSharp.Core;
using Plotly.NET;
using PReluKit.Summaries;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace PReluKit.Charts;

/// <summary>The depth × learning-rate map as a heatmap: one cell per grid point, coloured by PReLU's paired accuracy difference.</summary>
public static class MapPlots
{
    /// <summary>Differences beyond this many δ get the scale's end colour: the band of interest is ±δ, so δ sits halfway.</summary>
    private const double ColourRangeInDeltas = 2;

    /// <summary>The fill of a square without pairs: white, the plot's background, which the scale's light grey middle is not.</summary>
    private const string NoPairsColour = "#ffffff";

    /// <summary>
    /// Depth (rows) × learning rate (columns), coloured by the mean paired difference <paramref name="which"/> names (blue:
    /// PReLU higher); each cell is labelled with its estimate and its hover text gives the interval, the verdict against δ,
    /// ReLU's dead share and the diverged runs. Cells without a pair are left blank. The reading is <see cref="DepthRateMap.Reading"/>.
    /// </summary>
    public static ReportChart Heatmap(DepthRateMap map, MapContrast which)
    {
        ArgumentNullException.ThrowIfNull(map);
        var depths = map.Sweep.Depths;
        var rates = map.Sweep.LearningRates;
        var cells = depths.Select(d => rates.Select(r => map.Cells.FirstOrDefault(c => c.Depth == d && c.LearningRate == r)).ToList()).ToList();
        object?[][] z = [.. cells.Select(row => row.Select(c => c?.Contrast(which) is { } contrast ? (object)Math.Round(contrast.Accuracy.Effect.Estimate, 3) : null).ToArray())];
        string[][] labels = [.. cells.Select(row => row.Select(c => c?.Contrast(which) is { } contrast ? map.Accuracy.Number(contrast.Accuracy.Effect.Estimate) : "").ToArray())];
        // A square without pairs says who diverged: "everyone" and "only PReLU" are different findings. It is drawn white
        // with dark text by a trace of its own (Plotly picks white text for a cell without a value: white on white), one
        // activation a line, so that Plotly need not shrink the text to a few pixels to fit the square.
        object?[][] missing = [.. cells.Select(row => row.Select(c => c is not null && c.Contrast(which) is null ? (object)0.0 : null).ToArray())];
        string[][] missingLabels = [.. cells.Select(row => row.Select(c => c is not null && c.Contrast(which) is null ? $"no pairs<br>{c.DivergedShort(which).Replace(", ", "<br>", StringComparison.Ordinal)}" : "").ToArray())];
        string[][] hover = [.. cells.Select(row => row.Select(c => c?.Describe(which).Replace("; ", "<br>", StringComparison.Ordinal) ?? "").ToArray())];
        // Words, not bare numbers: Plotly would place "0.01", "0.03", … on a linear axis instead of one column each.
        var x = rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"lr {r}")).ToArray();
        var y = depths.Select(d => $"{d} layers").ToArray();
        var name = which == MapContrast.PReluVsReLU ? "PReLU − ReLU" : "PReLU − Leaky ReLU";
        var heat = CSharpChart.Heatmap<double, string, string, string>(
            zData: depths.Select(_ => rates.Select(_ => 0.0).ToArray()).ToArray(), X: x, Y: y, Name: name, ColorScale: StyleParam.Colorscale.RdBu);
        var range = ColourRangeInDeltas * map.Accuracy.Delta;
        heat = GenericChart.mapTrace(FSharpFunc<Trace, Trace>.FromConverter(t =>
        {
            // Plotly.NET.CSharp's heatmap takes one text per trace; the grid's own values go in as Plotly's properties.
            t.SetProperty("z", z);
            t.SetProperty("text", labels);
            t.SetProperty("customdata", hover);
            t.SetProperty("texttemplate", "%{text}");
            t.SetProperty("hovertemplate", "%{customdata}<extra></extra>");
            t.SetProperty("zmin", -range);
            t.SetProperty("zmax", range);
            t.SetProperty("zmid", 0);
            t.SetProperty("reversescale", true); // Plotly's RdBu runs blue (low) to red (high): reversed, blue is PReLU higher
            t.SetProperty("colorbar", new Dictionary<string, object> { ["title"] = new Dictionary<string, object> { ["text"] = "points" } });
            return t;
        }), heat);
        var gaps = CSharpChart.Heatmap<double, string, string, string>(
            zData: depths.Select(_ => rates.Select(_ => 0.0).ToArray()).ToArray(), X: x, Y: y, Name: "no pairs");
        gaps = GenericChart.mapTrace(FSharpFunc<Trace, Trace>.FromConverter(t =>
        {
            t.SetProperty("z", missing);
            t.SetProperty("text", missingLabels);
            t.SetProperty("customdata", hover);
            t.SetProperty("texttemplate", "%{text}");
            t.SetProperty("hovertemplate", "%{customdata}<extra></extra>");
            t.SetProperty("colorscale", new object[] { new object[] { 0, NoPairsColour }, new object[] { 1, NoPairsColour } });
            t.SetProperty("textfont", new Dictionary<string, object> { ["color"] = "#222222" });
            t.SetProperty("showscale", false);
            return t;
        }), gaps);
        var chart = ChartStyle.Finish(ChartStyle.Combine([heat, gaps]),
            $"{name}: paired difference in test accuracy (points), {map.Sweep.Cells[0].Experiment.Manifest.Config.Seeds.Count} seeds per cell; blue: PReLU higher, red: lower, saturated beyond ±{range:0.#}; white: no pairs",
            "learning rate (SGD, momentum 0.9)", $"hidden layers of {map.Sweep.Width} units", width: 720, height: 460);
        chart = GenericChart.mapLayout(FSharpFunc<Layout, Layout>.FromConverter(layout =>
        {
            layout.SetProperty("plot_bgcolor", "white"); // a grid point outside the sweep shows the background: it must not look like a value
            return layout;
        }), chart);
        return new ReportChart($"{name} over depth and learning rate", map.Reading(which), chart);
    }
}
