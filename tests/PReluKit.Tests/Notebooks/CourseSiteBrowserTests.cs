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
            Assert.DoesNotContain(".ipynb\"", File.ReadAllText(page), StringComparison.Ordinal); // every notebook link leads to a page
        }

        // The runs went under the output folder (no --results), and the times of this render are beside the pages.
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(site, "runs"), "*.json", SearchOption.AllDirectories));
        var times = MeasuredTimes.Load(Path.Combine(site, "times.json"));
        Assert.All(NotebookFiles.Names, n => Assert.Contains(times.Of(n), m => m.Profile == "quick"));
        Assert.All(NotebookFiles.Names, n => Assert.Contains("under quick", File.ReadAllText(Path.Combine(site, n + ".html")), StringComparison.Ordinal));
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
