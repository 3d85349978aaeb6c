namespace PReluKit.Tests.Infrastructure;

/// <summary>Opens an HTML report in headless Chromium and checks that it renders completely and offline.</summary>
internal static class ReportAssertions
{
    /// <summary>
    /// Asserts that <paramref name="expectedCharts"/> Plotly charts rendered (each with its SVG), that nothing was
    /// logged as an error or thrown, and that every request stayed inside the page; saves a full-page screenshot.
    /// </summary>
    public static async Task RendersOfflineAsync(string reportPath, int expectedCharts, string screenshotName)
    {
        Assert.True(File.Exists(reportPath), $"{reportPath} was not written");
        await using var browser = await HeadlessChromium.StartAsync();
        await browser.OpenAsync(reportPath);

        var rendered = await browser.WaitForAsync(
            $"document.querySelectorAll('.js-plotly-plot').length === {expectedCharts} && " +
            "[...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('svg.main-svg'))",
            TimeSpan.FromSeconds(60));
        var plots = (await browser.EvaluateAsync("document.querySelectorAll('.js-plotly-plot').length"))!.GetValue<double>();
        var withSvg = (await browser.EvaluateAsync("[...document.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelector('svg.main-svg')).length"))!.GetValue<double>();
        Assert.True(rendered, $"expected {expectedCharts} rendered charts, found {plots} plots of which {withSvg} have an SVG");
        Assert.Equal(expectedCharts, (int)withSvg);

        Assert.Empty(browser.Exceptions);
        Assert.Empty(browser.ConsoleErrors);
        Assert.Empty(browser.FailedRequests);
        // Only the page itself and data: URIs that plotly.js builds in memory; nothing from a network.
        Assert.All(browser.RequestedUrls, url => Assert.True(
            url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"the page requested {url}"));

        await browser.ScreenshotAsync(RepositoryRoot.Combine("artifacts", screenshotName));
        Assert.True(new FileInfo(RepositoryRoot.Combine("artifacts", screenshotName)).Length > 10_000);
    }
}
