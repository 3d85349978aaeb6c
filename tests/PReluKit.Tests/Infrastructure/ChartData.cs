using System.Text.Json.Nodes;
using Plotly.NET;

namespace PReluKit.Tests.Infrastructure;

/// <summary>A chart's data and layout as plotly.js receives them, for tests that check what a chart shows.</summary>
internal sealed class ChartData(GenericChart chart)
{
    private readonly JsonNode _figure = JsonNode.Parse(GenericChart.toJson(chart))!;

    /// <summary>The traces, in drawing order.</summary>
    public IReadOnlyList<JsonNode> Traces => [.. _figure["data"]!.AsArray().Select(t => t!)];

    /// <summary>The names of the traces shown in the legend, in order.</summary>
    public IReadOnlyList<string> Names => [.. Traces.Select(t => (string?)t["name"]).OfType<string>()];

    /// <summary>The chart's title, its lines joined by spaces as a reader reads them (long titles are broken with &lt;br&gt;).</summary>
    public string? Title => ((string?)_figure["layout"]?["title"]?["text"])?.Replace("<br>", " ", StringComparison.Ordinal);

    /// <summary>The x axis's title.</summary>
    public string? XTitle => (string?)_figure["layout"]?["xaxis"]?["title"]?["text"];

    /// <summary>The y axis's title.</summary>
    public string? YTitle => (string?)_figure["layout"]?["yaxis"]?["title"]?["text"];

    /// <summary>The trace named <paramref name="name"/>.</summary>
    public JsonNode Trace(string name) => Traces.Single(t => (string?)t["name"] == name);

    /// <summary>The x or y values of a trace as numbers.</summary>
    public static IReadOnlyList<double> Numbers(JsonNode trace, string axis) => [.. trace[axis]!.AsArray().Select(v => v!.GetValue<double>())];

    /// <summary>The whole figure as JSON text, for failure messages.</summary>
    public override string ToString() => _figure.ToJsonString();
}
