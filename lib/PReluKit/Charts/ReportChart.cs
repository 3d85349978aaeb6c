using Plotly.NET;

namespace PReluKit.Charts;

/// <summary>A chart with the one-line takeaway shown under it in reports and notebooks.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="Takeaway">One sentence saying what the chart shows, from the data.</param>
/// <param name="Chart">The Plotly chart.</param>
public sealed record ReportChart(string Title, string Takeaway, GenericChart Chart);
