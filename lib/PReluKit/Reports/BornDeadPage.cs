using System.Globalization;
using PReluKit.Charts;
using PReluKit.Metrics;

namespace PReluKit.Reports;

/// <summary>The born-dead heatmaps with their readings: the page of <c>prelu born-dead</c> and its script, and a section of the comparison report.</summary>
public static class BornDeadPage
{
    /// <summary>One heatmap of P(born dead) per activation in <paramref name="cells"/>, each with its worst cell named.</summary>
    public static IReadOnlyList<ReportChart> Charts(IReadOnlyList<BornDeadCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return [.. cells.GroupBy(c => c.Activation).Select(activation =>
        {
            var worst = activation.MaxBy(c => c.Probability.Proportion)!;
            var name = activation.Key.DisplayName;
            return new ReportChart($"Born dead: {name}", string.Create(CultureInfo.InvariantCulture,
                    $"{name}: up to {worst.Probability.Proportion:P1} of width-{worst.Width}, depth-{worst.Depth} nets are constant at initialisation."),
                BornDeadPlots.Heatmap([.. activation]));
        })];
    }

    /// <summary>The page for the cells of a <see cref="BornDeadGrid"/> estimate (any number of activations).</summary>
    public static HtmlReport Build(IReadOnlyList<BornDeadCell> cells)
    {
        var report = new HtmlReport("Born-dead networks at initialisation");
        foreach (var chart in Charts(cells))
        {
            report.Chart(chart);
        }

        return report;
    }
}
