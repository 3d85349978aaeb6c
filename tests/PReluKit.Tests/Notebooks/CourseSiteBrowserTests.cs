using PReluKit.Notebooks;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Notebooks;

/// <summary>
/// The whole course rendered once in the quick profile, as <c>prelu notebooks render</c> writes it with no --results, then
/// read as a learner would: from index.html through every page by "next" and back by "previous", and by searching.
/// </summary>
[Trait(TestCategory.Name, TestCategory.EndToEnd)]
public class CourseSiteBrowserTests(SharedRuns runs) : IClassFixture<SharedRuns>
{
    [Fact]
    public void The_render_writes_a_site_of_every_notebook_in_the_folder_and_nothing_outside_its_output_folder()
    {
        var site = Site();

        Assert.All(NotebookFiles.Names, n => Assert.True(File.Exists(Path.Combine(site, n + ".html")), $"no page for {n}"));
        var index = File.ReadAllText(Path.Combine(site, CourseSite.IndexPage));
        Assert.All(NotebookFiles.Names, n => Assert.Contains($"href=\"{n}.html\"", index, StringComparison.Ordinal));
        foreach (var name in NotebookFiles.Names)
        {
            var entry = CourseNotebook.From(name, NotebookFiles.Load(name));
            Assert.Contains(System.Net.WebUtility.HtmlEncode(entry.Title), index, StringComparison.Ordinal);
            Assert.NotEmpty(entry.Question); // each notebook states its question, and the index shows it
        }
        foreach (var page in Directory.GetFiles(site, "*.html"))
        {
            // Every notebook link leads to a page, but for the one in the box that offers the page's own notebook.
            var html = File.ReadAllText(page);
            var withoutRunLive = System.Text.RegularExpressions.Regex.Replace(html, "<aside class=\"run-live\".*?</aside>", "",
                                                                             System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.DoesNotContain(".ipynb\"", withoutRunLive, StringComparison.Ordinal);
        }

        // Each notebook page offers its notebook, which is in the site, and every page links the glossary.
        Assert.All(NotebookFiles.Names, n => Assert.Contains($"<a href=\"{n}.ipynb\" download>", File.ReadAllText(Path.Combine(site, n + ".html")),
                                                              StringComparison.Ordinal));
        Assert.All(NotebookFiles.Names, n => Assert.True(File.Exists(Path.Combine(site, n + ".ipynb"))));
        Assert.All(Directory.GetFiles(site, "*.html"), p => Assert.Contains($"href=\"{CourseSite.GlossaryPage}\"", File.ReadAllText(p), StringComparison.Ordinal));

        // The runs went under the output folder (no --results), and the times of this render are beside the pages.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(site, "runs"), "*.json", SearchOption.AllDirectories));
        var times = MeasuredTimes.Load(Path.Combine(site, "times.json"));
        Assert.All(NotebookFiles.Names, n => Assert.Contains(times.Of(n), m => m.Profile == "quick"));
        Assert.All(NotebookFiles.Names, n => Assert.Contains("under quick", File.ReadAllText(Path.Combine(site, n + ".html")), StringComparison.Ordinal));
    }

    [Fact]
    public void The_site_carries_plotly_js_once_and_weighs_at_most_8_MB()
    {
        var site = Site();

        // The site is what a reader opens or downloads: everything but the runs the render kept (they are data, not pages).
        var files = Directory.GetFiles(site, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(site, f).StartsWith("runs" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
        var bytes = files.Sum(f => new FileInfo(f).Length);

        Assert.True(bytes <= 8 * 1024 * 1024, $"the site weighs {bytes / 1024.0 / 1024.0:0.0} MB");
        Assert.True(File.Exists(Path.Combine(site, PReluKit.Reports.SharedAssets.PlotlyFile)));
        var plotlyStart = PReluKit.Reports.SharedAssets.PlotlyJs[..200];
        Assert.Equal([Path.Combine(site, PReluKit.Reports.SharedAssets.PlotlyFile)],
                     files.Where(f => File.ReadAllText(f).Contains(plotlyStart, StringComparison.Ordinal)));
    }

    [ChromiumFact]
    public async Task Search_ranks_by_whole_words_over_printed_outputs_and_shows_plain_text_snippets()
    {
        var site = Site();
        await using var browser = await HeadlessChromium.StartAsync("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9");
        await browser.OpenAsync(Path.Combine(site, "02-dying-relu.html"));

        var overhead = await Search(browser, "overhead");
        var heInit = await Search(browser, "He init");

        // 03 prints the claim "… no noticeable computational overhead" in a table: search finds what the cells printed.
        Assert.Contains(overhead, r => r.Page == "03-relu-vs-leaky-vs-prelu.html");
        Assert.Equal("01-what-is-prelu.html", heInit[0].Page);
        Assert.Matches(@"\bHe\b", heInit[0].Snippet); // the snippet shows where the words stand together
        Assert.Matches(@"(?i)\binit", heInit[0].Snippet);
        Assert.All(overhead.Concat(heInit), r =>
        {
            // No raw LaTeX and no markup: the snippet is the text a reader sees on the page.
            Assert.DoesNotMatch(@"\\(alpha|partial|frac|tfrac|min|max|mathrm|text|cdot|approx|times|le|ge|lambda|sqrt)\b|\$\\|\\\(|<[a-z/]", r.Snippet);
        });
        Assert.Empty(browser.Exceptions);
    }

    [ChromiumFact]
    public async Task At_390_pixels_only_tables_and_charts_scroll_and_dark_and_print_styles_keep_the_page_readable()
    {
        var site = Site();
        await using var browser = await HeadlessChromium.StartAsync("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9");
        await browser.SetViewportAsync(390, 844);
        foreach (var page in NotebookFiles.Names.Select(n => n + ".html").Prepend(CourseSite.IndexPage).Append(CourseSite.GlossaryPage))
        {
            await browser.OpenAsync(Path.Combine(site, page));
            var pageWidth = (await browser.EvaluateAsync("document.documentElement.scrollWidth"))!.GetValue<double>();
            Assert.True(pageWidth <= 390, $"{page} is {pageWidth} px wide at 390 px: the page itself scrolls sideways");
        }

        await browser.OpenAsync(Path.Combine(site, "03-relu-vs-leaky-vs-prelu.html"));
        Assert.True((await browser.EvaluateAsync("Array.from(document.querySelectorAll('table')).some(t => t.scrollWidth > t.clientWidth && " +
                                                 "getComputedStyle(t).overflowX === 'auto')"))!.GetValue<bool>(), "no wide table scrolls in its own box");

        await browser.EmulateMediaAsync("", "dark");
        Assert.Equal("rgb(22, 24, 28)", (await browser.EvaluateAsync("getComputedStyle(document.body).backgroundColor"))!.GetValue<string>());
        Assert.True((await browser.EvaluateAsync("Array.from(document.querySelectorAll('.js-plotly-plot')).every(p => " +
                                                 "getComputedStyle(p).backgroundColor === 'rgb(255, 255, 255)')"))!.GetValue<bool>(),
                    "a chart lost its white card in dark mode");
        await browser.EmulateMediaAsync("print", "light");
        Assert.Equal("none", (await browser.EvaluateAsync("getComputedStyle(document.querySelector('nav.site-toc')).display"))!.GetValue<string>());
        Assert.Empty(browser.Exceptions);
    }

    private static async Task<List<(string Page, string Snippet)>> Search(HeadlessChromium browser, string query)
    {
        await browser.EvaluateAsync("(() => { const box = document.getElementById('site-search'); box.value = " + System.Text.Json.JsonSerializer.Serialize(query) +
                                    "; box.dispatchEvent(new Event('input')); })()");
        Assert.True(await browser.WaitForAsync("document.querySelector('#site-search-results a') !== null", TimeSpan.FromSeconds(10)),
                    $"searching '{query}' listed no page");
        var results = (await browser.EvaluateAsync("Array.from(document.querySelectorAll('#site-search-results li')).map(li => " +
                                                   "[li.querySelector('a').getAttribute('href').split('#')[0], li.querySelector('.snippet').textContent])"))!.AsArray();
        return [.. results.Select(r => ((string)r![0]!, (string)r[1]!))];
    }

    [ChromiumFact]
    public async Task A_learner_goes_from_the_index_to_the_last_page_by_next_and_back_by_previous_and_finds_dormant_on_page_02()
    {
        var site = Site();
        string[] pages = [CourseSite.IndexPage, .. NotebookFiles.Names.Select(n => n + ".html")];
        // Cut off from every network: any request that is not for a file would fail, and is also checked below.
        await using var browser = await HeadlessChromium.StartAsync("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9");
        await browser.OpenAsync(Path.Combine(site, CourseSite.IndexPage));

        var forward = new List<string> { await Current(browser) };
        while ((await browser.EvaluateAsync("document.querySelector('a[rel=next]') !== null"))!.GetValue<bool>())
        {
            await browser.NavigateByAsync("document.querySelector('a[rel=next]').click()");
            forward.Add(await Current(browser));
        }

        var back = new List<string> { forward[^1] };
        while ((await browser.EvaluateAsync("document.querySelector('a[rel=prev]') !== null"))!.GetValue<bool>())
        {
            await browser.NavigateByAsync("document.querySelector('a[rel=prev]').click()");
            back.Add(await Current(browser));
        }

        Assert.Equal(pages, forward);
        Assert.Equal(Enumerable.Reverse(pages), back);

        await browser.EvaluateAsync("(() => { const box = document.getElementById('site-search'); box.value = 'dormant'; " +
                                    "box.dispatchEvent(new Event('input')); })()");
        Assert.True(await browser.WaitForAsync("document.querySelector('#site-search-results a') !== null", TimeSpan.FromSeconds(10)),
                    "searching 'dormant' listed no page");
        await browser.NavigateByAsync("document.querySelector('#site-search-results a').click()");
        Assert.Equal("02-dying-relu.html", await Current(browser));

        Assert.Empty(browser.Exceptions);
        Assert.Empty(browser.FailedRequests);
        Assert.All(browser.RequestedUrls, url => Assert.True(
            url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"a page requested {url}"));
    }

    /// <summary>The file name of the page open in <paramref name="browser"/>, checked to be the one its contents mark as current.</summary>
    private static async Task<string> Current(HeadlessChromium browser)
    {
        var page = (await browser.EvaluateAsync("decodeURIComponent(location.pathname.split('/').pop())"))!.GetValue<string>();
        var marked = (await browser.EvaluateAsync("document.querySelector('nav.site-toc a[aria-current=page]').getAttribute('href')"))!.GetValue<string>();
        Assert.Equal(page, marked);
        return page;
    }

    /// <summary>The site of every notebook, rendered once for the class with no --results (its runs go under it).</summary>
    private string Site() => runs.Once("site", folder =>
    {
        var site = Directory.CreateDirectory(folder.Combine("site")).FullName;
        var (code, stdout, stderr) = PreluCli.Run(RepositoryRoot.Path, "notebooks", "render", "--profile", "quick", "--out", site);
        Assert.True(code == 0, $"prelu notebooks render exited {code}: {stdout} {stderr}");
        return site;
    });
}
