using System.Net;
using System.Text.Json.Nodes;
using PReluKit.IO;
using PReluKit.Notebooks;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Notebooks;

/// <summary>The course site's parts, without rendering a notebook: links, progress lines, the search index, the frame, the times file.</summary>
public class CourseSiteTests
{
    private static readonly HashSet<string> Pages = ["01-what-is-prelu", "02-dying-relu"];

    [Fact]
    public void Links_to_sibling_notebooks_point_at_their_pages_and_every_other_link_is_left_alone()
    {
        const string Html = """
            <a href="02-dying-relu.ipynb">next</a> <a href="./01-what-is-prelu.ipynb#he-init">back</a>
            <a href="07-unknown.ipynb">other</a> <a href="../notebooks/02-dying-relu.ipynb">elsewhere</a>
            <a href="https://example.org/02-dying-relu.ipynb">web</a>
            """;

        var rewritten = NotebookLinks.ToPages(Html, Pages);

        Assert.Contains("<a href=\"02-dying-relu.html\">next</a>", rewritten, StringComparison.Ordinal);
        Assert.Contains("<a href=\"./01-what-is-prelu.html#he-init\">back</a>", rewritten, StringComparison.Ordinal);
        Assert.Contains("href=\"07-unknown.ipynb\"", rewritten, StringComparison.Ordinal);
        Assert.Contains("href=\"../notebooks/02-dying-relu.ipynb\"", rewritten, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/02-dying-relu.ipynb\"", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_shows_the_last_state_of_a_progress_line_folds_the_setup_output_and_links_sibling_pages()
    {
        var notebook = Notebook(
            Markdown("# 1 · Title\n\nRead [the next one](02-dying-relu.ipynb)."),
            Code("setup", Plain("PReluKit 1.1.0.0 · TorchSharp 0.107.0.0 · native loader: a long path · profile quick")),
            Code("train", Html(ProgressLineHtml.Render("run 1/20")), Html(ProgressLineHtml.Render("run 20/20")), Plain("done")));

        var html = NotebookPage.Build(notebook, "fallback", Pages).Render();

        Assert.Contains("run 20/20", html, StringComparison.Ordinal);
        Assert.DoesNotContain("run 1/20", html, StringComparison.Ordinal);
        Assert.Contains($"<summary>Setup output: {WebUtility.HtmlEncode("PReluKit 1.1.0.0 · TorchSharp 0.107.0.0 · profile quick")}</summary>", html,
                        StringComparison.Ordinal);
        Assert.True(html.IndexOf("<details", StringComparison.Ordinal) < html.IndexOf("native loader", StringComparison.Ordinal), "the setup output is inside <details>");
        Assert.Equal(1, Count(html, "<details"));
        Assert.Contains("href=\"02-dying-relu.html\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_display_updated_in_place_is_saved_and_shown_in_its_last_state()
    {
        // The kernel publishes a display's updates under another id than the display's own; they must still replace it.
        using var notebooks = new TempFolder();
        using var output = new TempFolder();
        File.WriteAllText(notebooks.Combine("updates.ipynb"),
                          Notebook(Code("var line = display(\"step 1 of 3\");\nline.Update(\"step 2 of 3\");\nline.Update(\"step 3 of 3\");")).ToJsonString());

        var (code, stdout, stderr) = PreluCli.Run(RepositoryRoot.Path, "notebooks", "render", "--profile", "quick", "--from", notebooks.Path,
                                                  "--out", output.Path);

        Assert.True(code == 0, $"render exited {code}: {stdout} {stderr}");
        var outputs = JsonNode.Parse(File.ReadAllText(output.Combine("updates.ipynb")))!["cells"]![0]!["outputs"]!.AsArray();
        Assert.Equal("step 3 of 3", NotebookCells.Text(Assert.Single(outputs)!["data"]?["text/plain"]));
        var page = File.ReadAllText(output.Combine("updates.html"));
        Assert.Contains("<pre class=\"output\">step 3 of 3</pre>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<pre class=\"output\">step 1 of 3", page, StringComparison.Ordinal);
        string[] katex = PReluKit.Reports.MathTypesetting.IsAvailable ? [PReluKit.Reports.SharedAssets.KatexFolder] : [];
        Assert.Equal(new[] { OwnedFolder.ManifestName, "index.html", "plotly.min.js", "search-index.js", "site.css", "site.js", "times.json", "updates.html", "updates.ipynb" }
                         .Concat(katex).Order(StringComparer.Ordinal),
                     Directory.EnumerateFileSystemEntries(output.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_course_entry_takes_the_title_and_the_question_from_the_first_markdown_cell()
    {
        var entry = CourseNotebook.From("02-dying-relu", Notebook(
            Markdown("# 2 · Dying ReLU\n\n**The question.** Do units die\nin training?\n\nMore text."), Code("1")));

        Assert.Equal(new CourseNotebook("02-dying-relu", "2 · Dying ReLU", "Do units die\nin training?"), entry);
        Assert.Equal("02-dying-relu.html", entry.Page);
    }

    [Fact]
    public void Every_page_has_the_contents_with_itself_marked_and_previous_next_from_the_index_to_the_last_notebook()
    {
        var site = new CourseSite("Course", "intro", [new("01-a", "One", "Q1?"), new("02-b", "Two", "Q2?"), new("03-c", "Three", "")]);

        var index = site.Frame(CourseSite.IndexPage, null);
        var middle = site.Frame("02-b.html", "Takes about 3 s under quick.");
        var last = site.Frame("03-c.html", null);

        Assert.DoesNotContain("rel=\"prev\"", index.End, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"next\" href=\"01-a.html\">One →</a>", index.End, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"prev\" href=\"01-a.html\">← One</a>", middle.End, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"next\" href=\"03-c.html\">Three →</a>", middle.End, StringComparison.Ordinal);
        Assert.Contains("<a rel=\"prev\" href=\"02-b.html\">← Two</a>", last.End, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", last.End, StringComparison.Ordinal);
        Assert.Contains("<a href=\"02-b.html\" class=\"current\" aria-current=\"page\">Two</a>", middle.BeforeTitle, StringComparison.Ordinal);
        Assert.Equal(1, Count(middle.BeforeTitle, "aria-current"));
        Assert.All(new[] { "index.html", "01-a.html", "02-b.html", "03-c.html" }, p => Assert.Contains($"href=\"{p}\"", middle.BeforeTitle, StringComparison.Ordinal));
        Assert.Contains("Takes about 3 s under quick.", middle.AfterTitle, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => site.Frame("04-d.html", null));
    }

    [Fact]
    public void The_search_index_holds_each_pages_words_without_markup_as_a_script_that_cannot_close_its_element()
    {
        var search = new SearchIndex();
        var notebook = Notebook(Markdown("## Dormant units\n\nA **τ-dormant** unit [see](x.html)."), Code("var x = 1;", Plain("42 units </script>")));

        search.Add("02-dying-relu.html", "Dying", SearchIndex.TextOf(notebook));
        var script = search.ToScript();

        var (page, title, text) = Assert.Single(search.Pages);
        Assert.Equal(("02-dying-relu.html", "Dying"), (page, title));
        Assert.Equal("Dormant units A τ-dormant unit see. var x = 1; 42 units </script>", text);
        Assert.StartsWith("window.preluSearchIndex = [{\"page\":\"02-dying-relu.html\"", script, StringComparison.Ordinal);
        Assert.DoesNotContain("</script>", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Measured_times_round_trip_merge_and_read_as_a_sentence()
    {
        using var folder = new TempFolder();
        var committed = new MeasuredTimes();
        committed.Set("01-a", "standard", new MeasuredTimes.Measurement(70.2, "2-core idle", "abc1234"));
        committed.Set("01-a", "quick", new MeasuredTimes.Measurement(20, "2-core idle", "abc1234"));
        var fresh = new MeasuredTimes();
        fresh.Set("01-a", "quick", new MeasuredTimes.Measurement(12.34, "2-core busy", "def5678"));

        committed.MergedWith(fresh).Write(folder.Combine("times.json"));
        var read = MeasuredTimes.Load(folder.Combine("times.json"));

        Assert.Equal("Takes about 12 s under quick, 1 min 10 s under standard.", read.Sentence("01-a", withMachine: false));
        Assert.Equal("Takes about 12 s under quick (on a 2-core busy, commit def5678); 1 min 10 s under standard (on a 2-core idle, commit abc1234).",
                     read.Sentence("01-a", withMachine: true));
        Assert.Null(read.Sentence("02-b", withMachine: false));
        Assert.Empty(MeasuredTimes.Load(folder.Combine("missing.json")).Notebooks);
        Assert.Equal(["59 s", "1 min", "1 h 1 min"], new[] { 59.4, 60, 3690 }.Select(MeasuredTimes.Duration));
    }

    [Theory]
    [InlineData("""{"notebooks": {"01-a": {"quick": {"seconds": -1, "machine": "m", "commit": "c"}}}}""", "notebooks.01-a.quick.seconds must be a finite positive number")]
    [InlineData("""{"notebooks": {"01-a": {"quick": {"seconds": "NaN", "machine": "m", "commit": "c"}}}}""", "notebooks.01-a.quick.seconds must be a finite positive number")]
    [InlineData("""{"notebooks": {"01-a": {"fast": {"seconds": 3, "machine": "m", "commit": "c"}}}}""", "'fast' is not a profile")]
    [InlineData("""{"notebooks": {"01-a": {"quick": {"seconds": 3, "commit": "c"}}}}""", "notebooks.01-a.quick.machine must be a non-empty string")]
    [InlineData("""{"notebooks": {"01-a": [1]}}""", "notebooks.01-a is not an object of profiles")]
    [InlineData("""{"times": {}}""", "expected an object with a \"notebooks\" object")]
    [InlineData("""{"notebooks": """, "not JSON")]
    public void A_bad_times_file_is_refused_naming_the_file_and_the_entry(string json, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.Combine(MeasuredTimes.FileName);
        File.WriteAllText(path, json);

        var error = Assert.Throws<InvalidDataException>(() => MeasuredTimes.Load(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("render", "--profile quick", "seconds must be a finite positive number")]
    [InlineData("export", "", "--script: say the format")]
    public void A_render_with_a_bad_times_file_or_an_export_without_a_format_is_refused_in_one_line_before_writing(string command, string options,
                                                                                                              string problem)
    {
        using var folder = new TempFolder();
        var notebooks = Directory.CreateDirectory(folder.Combine("nb")).FullName;
        File.WriteAllText(Path.Combine(notebooks, "one.ipynb"), Notebook(Code("1")).ToJsonString());
        File.WriteAllText(Path.Combine(notebooks, MeasuredTimes.FileName), """{"notebooks": {"one": {"quick": {"seconds": 0, "machine": "m", "commit": "c"}}}}""");

        var (code, output, error) = PreluCli.Run(RepositoryRoot.Path, ["notebooks", command, .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                                                                       "--from", notebooks, "--out", folder.Combine("out")]);

        Assert.True(code is 1 or 2, $"exit {code}: {output} {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(problem, line, StringComparison.Ordinal);
        if (command == "render")
        {
            Assert.Contains(Path.Combine(notebooks, MeasuredTimes.FileName), line, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(folder.Combine("out")));
    }

    [Fact]
    public void The_committed_times_file_is_valid_and_names_only_notebooks_that_exist()
    {
        var times = MeasuredTimes.Load(RepositoryRoot.Combine("notebooks", MeasuredTimes.FileName));

        Assert.NotEmpty(times.Notebooks);
        Assert.All(times.Notebooks, n => Assert.Contains(n, NotebookFiles.Names));
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    private static JsonObject Notebook(params JsonNode[] cells) => new() { ["cells"] = new JsonArray(cells), ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 };

    private static JsonObject Markdown(string source) => new() { ["cell_type"] = "markdown", ["source"] = source, ["metadata"] = new JsonObject() };

    private static JsonObject Code(string source, params JsonNode[] outputs) =>
        new() { ["cell_type"] = "code", ["source"] = source, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(outputs) };

    private static JsonObject Plain(string text) => new() { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/plain"] = text } };

    private static JsonObject Html(string html) => new() { ["output_type"] = "display_data", ["data"] = new JsonObject { ["text/html"] = html } };
}
