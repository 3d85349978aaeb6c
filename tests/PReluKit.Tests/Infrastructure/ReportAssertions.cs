namespace PReluKit.Tests.Infrastructure;

/// <summary>Opens an HTML report in headless Chromium and checks that it renders completely and offline.</summary>
internal static class ReportAssertions
{
    /// <summary>
    /// Asserts that <paramref name="expectedCharts"/> Plotly charts rendered (each with its SVG), that nothing was
    /// logged as an error or thrown, and that every request stayed inside the page; saves a full-page screenshot.
    /// </summary>
    /// <param name="reportPath">The page.</param>
    /// <param name="expectedCharts">Charts it must draw.</param>
    /// <param name="screenshotName">File name of the screenshot under artifacts/.</param>
    /// <param name="withMath">Also assert that every formula was typeset by KaTeX: no LaTeX source left in the page text.</param>
    public static async Task RendersOfflineAsync(string reportPath, int expectedCharts, string screenshotName, bool withMath = false)
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

        if (withMath)
        {
            var typeset = (await browser.EvaluateAsync("document.querySelectorAll('.katex').length"))!.GetValue<double>();
            var untypeset = (await browser.EvaluateAsync(
                "[...document.querySelectorAll('.math')].filter(m => !m.querySelector('.katex')).length"))!.GetValue<double>();
            // Page text outside code: no \( \[ or $…$ delimiters may be left (the code cells legitimately hold $"…" strings).
            const string LeftoverScript = """
                [...document.querySelectorAll('body > :not(pre):not(script):not(style)')].map(e => e.innerText || '')
                    .filter(t => t.includes('\\(') || t.includes('\\[') || /\$[^\s"]/.test(t)).length
                """;
            var leftover = (await browser.EvaluateAsync(LeftoverScript))!.GetValue<double>();
            Assert.True(typeset > 0, "no formula was typeset (is KaTeX installed? see MathTypesetting)");
            Assert.Equal(0, (int)untypeset);
            Assert.Equal(0, (int)leftover);
        }

        await browser.ScreenshotAsync(RepositoryRoot.Combine("artifacts", screenshotName));
        Assert.True(new FileInfo(RepositoryRoot.Combine("artifacts", screenshotName)).Length > 10_000);
    }
}
