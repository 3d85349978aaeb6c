using PReluKit.Activations;
using PReluKit.Jobs;
using PReluKit.Runs;
using PReluKit.Tests.Infrastructure;
using PReluKit.Tests.Training;

namespace PReluKit.Tests.Reports;

public class ComparisonReportTests(TrainingFixture data) : IClassFixture<TrainingFixture>
{
    private static readonly ComparisonConfig Config = new(
        TrainingFixture.Tiny with { Epochs = 2 },
        [ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU(), ActivationSpec.PReLUShared()],
        [1, 2]);

    private (string Path, int Charts, string Html) WriteReport(TempFolder folder)
    {
        using var results = ResultsFolder.Open(folder.Path, "test");
        var runs = ComparisonJob.Run(results, Config, data.Train, data.Test, "test");
        var outcome = ComparisonJob.Summarise(results, Config, runs, "test slice", "test"); // the job prelu compare runs, born-dead cells included
        return (outcome.Report, outcome.Charts, File.ReadAllText(outcome.Report));
    }

    [Fact]
    public void The_report_inlines_plotly_once_and_references_nothing_outside()
    {
        using var folder = new TempFolder();
        var (_, charts, html) = WriteReport(folder);

        Assert.Equal(1, CountOf(html, "* plotly.js v2.28.0")); // the library's header: inlined exactly once
        Assert.Equal(charts, CountOf(html, "var renderPlotly_")); // one plotting script per chart
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal); // every script is inline
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.Contains("Summary", html, StringComparison.Ordinal);
        Assert.Contains("PReLU (channel-wise)", html, StringComparison.Ordinal);
        Assert.Contains("href=\"summary.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("too few seeds to judge", html, StringComparison.Ordinal); // 2 seeds: no verdict from one degree of freedom
        Assert.Contains("PReLU (channel-wise) vs Leaky ReLU (0.01)", html, StringComparison.Ordinal); // PReLU against Leaky ReLU, paired
        Assert.Contains("δ = 1 point", html, StringComparison.Ordinal);
        var firstCaption = html[(html.IndexOf("<figcaption>", StringComparison.Ordinal) + "<figcaption>".Length)..];
        Assert.StartsWith("Paired accuracy differences against", firstCaption, StringComparison.Ordinal); // the forest plot comes first
        Assert.True(charts >= 9, $"only {charts} charts");
    }

    [ChromiumFact]
    public async Task The_report_renders_every_chart_offline_in_a_real_browser()
    {
        using var folder = new TempFolder();
        var (path, charts, _) = WriteReport(folder);
        await ReportAssertions.RendersOfflineAsync(path, charts, "comparison-report.png");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
