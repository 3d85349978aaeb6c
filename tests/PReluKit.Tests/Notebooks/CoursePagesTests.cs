using System.Text.Json.Nodes;
using PReluKit.Notebooks;
using PReluKit.Reports;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Notebooks;

/// <summary>
/// What a learner finds on the course site's pages, without rendering a notebook: references as written, search over what
/// the cells printed, plotly.js and KaTeX loaded from one copy, the glossary in every sidebar, how to run each page live.
/// </summary>
public class CoursePagesTests
{
    private static readonly CourseSite Site = new("Course", "intro", [new("01-a", "One", "Q1?"), new("02-b", "Two", "Q2?")],
                                                  "# Notation and glossary\n\n**PReLU** — $f(y) = \\max(0, y) + \\alpha\\,\\min(0, y)$.");

    [Fact]
    public void References_keep_their_initials_and_link_arxiv_ids_and_dois()
    {
        var notebook = Notebook(Markdown("# T\n\n## References\n\n" +
                                         "- K. He, X. Zhang, S. Ren, J. Sun. *Delving Deep into Rectifiers.* 2015. arXiv:1502.01852 — PReLU.\n" +
                                         "- D. P. Kingma, J. Ba. *Adam.* 2014. arXiv:1412.6980.\n" +
                                         "- A. B. Author. *A paper.* doi:10.1109/ICCV.2015.123.\n\n" +
                                         "K. He wrote it; [arXiv:1505.00853](https://arxiv.org/abs/1505.00853) is linked already."));

        var html = NotebookPage.Build(notebook, "t").Render();

        Assert.DoesNotContain("<ol", html, StringComparison.Ordinal); // an initial is not a list marker ("K." was item 11 of a list A, B, C)
        Assert.Contains("<li>K. He, X. Zhang, S. Ren, J. Sun. <em>Delving Deep into Rectifiers.</em> 2015. " +
                        "<a href=\"https://arxiv.org/abs/1502.01852\">arXiv:1502.01852</a> — PReLU.</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>D. P. Kingma, J. Ba.", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://doi.org/10.1109/ICCV.2015.123\">doi:10.1109/ICCV.2015.123</a>.", html, StringComparison.Ordinal);
        Assert.Contains("<p>K. He wrote it;", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://arxiv.org/abs/1505.00853\">arXiv:1505.00853</a> is linked already", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_search_index_holds_what_the_cells_printed_and_formulas_as_plain_text()
    {
        var table = "<table><caption>Claims</caption><tr><td>Learning α adds no noticeable computational overhead</td><td>&lt; 5 %</td></tr></table>";
        var chart = "<div id=\"c1\"></div><script>var renderPlotly_c1 = function () { Plotly.newPlot('c1', [{\"secretTrace\": 1}]); };</script>" +
                    "<p><em>Reading: \\(\\alpha\\) rose in 9 of 10 channels.</em></p>";
        var notebook = Notebook(
            Markdown("The gradient is $\\partial f / \\partial \\alpha_i = \\min(0, y_i)$ and $$\\tfrac12(1 + a^2)\\,n\\,\\mathrm{Var}[w] = 1$$.\n\n" +
                     "<details><summary>Solution</summary>\n\nIf a < b then b > a.\n\n</details>"),
            Code("display(table);", Html(table), Html(chart)));

        var text = SearchIndex.TextOf(notebook);

        Assert.Contains("Learning α adds no noticeable computational overhead < 5 %", Squeeze(text), StringComparison.Ordinal);
        Assert.Contains("Reading: α rose in 9 of 10 channels.", text, StringComparison.Ordinal);
        Assert.Contains("∂f / ∂α_i = min(0, y_i)", text, StringComparison.Ordinal);
        Assert.Contains("1/2(1 + a^2) n Var[w] = 1", Squeeze(text), StringComparison.Ordinal);
        Assert.DoesNotContain("secretTrace", text, StringComparison.Ordinal); // a chart's script is not text a reader sees
        Assert.DoesNotContain("\\alpha", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$", text, StringComparison.Ordinal);
        Assert.Contains("Solution", text, StringComparison.Ordinal);
        Assert.Contains("If a < b then b > a.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("details>", text, StringComparison.Ordinal); // raw HTML in markdown: its text, not its tags
    }

    [Fact]
    public void Summary_pages_are_marked_in_the_search_index_so_the_page_that_teaches_ranks_first()
    {
        var search = new SearchIndex();
        search.Add("01-a.html", "One", "He initialisation");
        search.AddSummary(CourseSite.GlossaryPage, "Glossary", "He initialisation");

        var pages = JsonNode.Parse(search.ToScript()["window.preluSearchIndex = ".Length..].TrimEnd('\n', ';'))!.AsArray();

        Assert.Null(pages[0]!["summary"]);
        Assert.True((bool)pages[1]!["summary"]!);
        Assert.Equal(["01-a.html", CourseSite.GlossaryPage], search.Pages.Select(p => p.Page));
    }

    [Fact]
    public void Site_pages_load_plotly_and_katex_from_the_one_copy_the_site_writes_beside_them()
    {
        using var folder = new TempFolder();
        var page = new HtmlReport("Page").WithMath().WithFrame(Site.Frame("01-a.html", null)).Render();
        var standalone = new HtmlReport("Page").Render();

        SharedAssets.Write(folder.Path);

        Assert.Contains($"<script src=\"{SharedAssets.PlotlyFile}\"></script>", page, StringComparison.Ordinal);
        Assert.True(page.Length < 100_000, $"a site page is {page.Length:N0} characters: plotly.js or KaTeX is inlined");
        Assert.Contains(SharedAssets.PlotlyJs, standalone, StringComparison.Ordinal); // a page on its own still opens offline
        Assert.Equal(SharedAssets.PlotlyJs, File.ReadAllText(folder.Combine(SharedAssets.PlotlyFile)));
        if (MathTypesetting.IsAvailable)
        {
            Assert.Contains($"<script src=\"{SharedAssets.KatexFolder}/katex.min.js\"></script>", page, StringComparison.Ordinal);
            var css = File.ReadAllText(folder.Combine(SharedAssets.KatexFolder, "katex.min.css"));
            Assert.DoesNotContain("base64", css, StringComparison.Ordinal);
            Assert.NotEmpty(Directory.GetFiles(folder.Combine(SharedAssets.KatexFolder, "fonts"), "*.woff2"));
            Assert.Empty(Directory.GetFiles(folder.Path, "*.ttf", SearchOption.AllDirectories));
        }
    }

    [Fact]
    public void Every_sidebar_links_the_glossary_which_is_a_page_of_its_own()
    {
        string[] pages = [CourseSite.IndexPage, "01-a.html", "02-b.html"];

        Assert.All(pages, p => Assert.Contains($"<a href=\"{CourseSite.GlossaryPage}\">Notation and glossary</a>", Site.Frame(p, null).BeforeTitle,
                                               StringComparison.Ordinal));
        var glossary = Site.Frame(CourseSite.GlossaryPage, null);
        Assert.Contains($"<a href=\"{CourseSite.GlossaryPage}\" class=\"current\" aria-current=\"page\">", glossary.BeforeTitle, StringComparison.Ordinal);
        Assert.Contains($"<a rel=\"prev\" href=\"{CourseSite.IndexPage}\">", glossary.End, StringComparison.Ordinal);
        var html = Site.Glossary()!.Render();
        Assert.Contains("<h1>Notation and glossary</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>PReLU</strong>", html, StringComparison.Ordinal);
        Assert.Null(new CourseSite("Course", "intro", [new("01-a", "One", "")]).Glossary());
        Assert.DoesNotContain(CourseSite.GlossaryPage, new CourseSite("Course", "intro", [new("01-a", "One", "")]).Frame("01-a.html", null).BeforeTitle,
                              StringComparison.Ordinal);
    }

    [Fact]
    public void Each_notebook_page_links_its_notebook_and_says_how_to_run_it_live_today()
    {
        var frame = Site.Frame("02-b.html", "Takes about 3 s under quick.");

        Assert.Contains("<a href=\"02-b.ipynb\" download>02-b.ipynb</a>", frame.AfterTitle, StringComparison.Ordinal);
        Assert.Contains("<code>notebooks/02-b.ipynb</code>", frame.AfterTitle, StringComparison.Ordinal);
        Assert.Contains("<code>dotnet tool restore</code>", frame.AfterTitle, StringComparison.Ordinal);
        Assert.Contains("<code>dotnet tool run dotnet-interactive jupyter install</code>", frame.AfterTitle, StringComparison.Ordinal);
        Assert.Contains("Microsoft.dotnet-interactive", frame.AfterTitle, StringComparison.Ordinal);
        Assert.Contains("“.NET (C#)”", frame.AfterTitle, StringComparison.Ordinal);
        Assert.Contains("Polyglot Notebooks extension runs the same kernel, but Microsoft deprecated it on 27 March 2026", frame.AfterTitle,
                        StringComparison.Ordinal);
        Assert.Contains("<code>prelu notebooks export --script</code>", frame.AfterTitle, StringComparison.Ordinal);
        Assert.Contains("<code>dotnet run results/notebook-scripts/02-b.cs -- page.html</code>", frame.AfterTitle, StringComparison.Ordinal);
        Assert.Contains("Takes about 3 s under quick.", frame.AfterTitle, StringComparison.Ordinal);
        Assert.DoesNotContain("run-live", Site.Frame(CourseSite.IndexPage, null).AfterTitle, StringComparison.Ordinal);
    }

    [Fact]
    public void The_notebooks_say_where_the_profile_variable_is_set_and_the_index_quotes_and_links_the_seed_article()
    {
        foreach (var name in NotebookFiles.Names)
        {
            var text = string.Join('\n', NotebookCells.Markdown(NotebookFiles.Load(name)));
            Assert.DoesNotContain("set `PRELUKIT_PROFILE` before starting VS Code", text, StringComparison.Ordinal);
        }

        var index = File.ReadAllText(RepositoryRoot.Combine("notebooks", CourseSite.IntroFile));
        Assert.Contains("[*What is Parametric ReLU?*](https://www.educative.io/answers/what-is-parametric-relu)", index, StringComparison.Ordinal);
        Assert.Contains("\"Learning the\nparameter $\\alpha_i$ boosts the model's accuracy without the additional computational overhead.\"", index,
                        StringComparison.Ordinal);
        Assert.Contains("## What to read next", index, StringComparison.Ordinal);
        foreach (var link in new[] { "https://d2l.ai/", "uvadlc-notebooks", "arXiv:1502.01852", "arXiv:2302.12902", "arXiv:1903.06733" })
        {
            Assert.Contains(link, index, StringComparison.Ordinal);
        }

        Assert.True(File.Exists(RepositoryRoot.Combine("notebooks", CourseSite.GlossaryFile)));
    }

    private static string Squeeze(string text) => string.Join(' ', text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static JsonObject Notebook(params JsonNode[] cells) => new() { ["cells"] = new JsonArray(cells), ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };

    private static JsonObject Markdown(string source) => new() { ["cell_type"] = "markdown", ["source"] = source, ["metadata"] = new JsonObject() };

    private static JsonObject Code(string source, params JsonNode[] outputs) =>
        new() { ["cell_type"] = "code", ["source"] = source, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(outputs) };

    private static JsonObject Html(string html) => new() { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/html"] = html } };
}
