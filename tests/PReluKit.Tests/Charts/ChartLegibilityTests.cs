using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Summaries;

namespace PReluKit.Tests.Charts;

/// <summary>What a reader can read on a chart: whole titles, and a ±δ band whose edges are in view.</summary>
public class ChartLegibilityTests
{
    [Fact]
    public void A_title_longer_than_the_chart_is_broken_into_lines_that_fit_and_the_top_margin_holds_them()
    {
        var title = string.Join(' ', Enumerable.Repeat("paired difference in test accuracy (points),", 6));

        var lines = ChartStyle.TitleLines(title, 720);
        var chart = ChartStyle.Finish(ChartStyle.Combine([]), title, "x", "y", width: 720);
        var json = System.Text.Json.Nodes.JsonNode.Parse(Plotly.NET.GenericChart.toJson(chart))!;

        Assert.True(lines.Count > 1);
        Assert.Equal(title, string.Join(' ', lines)); // no word lost
        Assert.All(lines, l => Assert.True(l.Length * 16 * 0.55 <= 720 - 40, $"'{l}' is wider than the chart"));
        Assert.Equal(string.Join("<br>", lines), (string?)json["layout"]!["title"]!["text"]);
        Assert.True((int)json["layout"]!["margin"]!["t"]! >= lines.Count * 21, "the top margin is shorter than the title");
        Assert.Equal(["short title"], ChartStyle.TitleLines("short title", 720));
    }

    [Fact]
    public void The_forest_plots_axis_is_wider_than_the_delta_band_on_both_sides()
    {
        // Tiny differences (±0.1 point) against δ = 1 point: Plotly would fit the axis to the band and hide its edges.
        var summary = ComparisonSummary.From([
            SyntheticRuns.Run(ActivationSpec.ReLU(), 1, 0.800), SyntheticRuns.Run(ActivationSpec.ReLU(), 2, 0.820), SyntheticRuns.Run(ActivationSpec.ReLU(), 3, 0.840),
            SyntheticRuns.Run(ActivationSpec.PReLU(), 1, 0.801), SyntheticRuns.Run(ActivationSpec.PReLU(), 2, 0.819), SyntheticRuns.Run(ActivationSpec.PReLU(), 3, 0.841),
        ]);

        var json = System.Text.Json.Nodes.JsonNode.Parse(Plotly.NET.GenericChart.toJson(VerdictPlots.Forest(summary)))!;
        var range = json["layout"]!["xaxis"]!["range"]!.AsArray().Select(v => v!.GetValue<double>()).ToList();

        var delta = summary.Accuracy.Delta;
        Assert.True(range[0] < -delta && range[1] > delta, $"axis [{range[0]}, {range[1]}] does not show both edges of ±{delta}");
        var effect = summary.Contrasts[0].Accuracy.Effect;
        Assert.True(range[0] < effect.Lower && range[1] > effect.Upper, "the interval is not inside the axis");

        var wide = VerdictPlots.AxisRange([new PReluKit.Statistics.EffectInterval(5, 3, 7, 3, 1)], 1);
        Assert.True(wide.Min < -1 && wide.Max > 7, $"[{wide.Min}, {wide.Max}]");
    }
}
