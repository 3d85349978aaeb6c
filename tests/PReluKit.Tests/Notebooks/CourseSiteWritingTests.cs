using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PReluKit.IO;
using PReluKit.Notebooks;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Notebooks;

/// <summary>
/// How <c>prelu notebooks render</c> and <c>export</c> write their folder (issue 33, cases 2, 8, 9, 13, 16, 17), through the
/// real process on tiny notebooks: only into a folder they own, a site whole and never mixed, names encoded in every link.
/// The tests that start the notebooks' kernel are end-to-end; the refusals run before it.
/// </summary>
public partial class CourseSiteWritingTests
{
    [Theory]
    [InlineData("render")]
    [InlineData("export")]
    public void Case2_an_output_folder_holding_sources_or_build_files_is_refused_and_left_as_it_was(string command)
    {
        // The notebooks' own folder (render --out notebooks) and a folder of build files (export --out . or lib).
        using var folder = new TempFolder();
        var notebooks = TinyNotebooks(folder, "nb", ("01-a", "1"));
        var project = Directory.CreateDirectory(folder.Combine("project")).FullName;
        File.WriteAllText(Path.Combine(project, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(project, "Kit.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        File.WriteAllText(Path.Combine(project, "01-a.cs"), "// a source the export would overwrite");
        var target = command == "render" ? notebooks : project;
        var before = Snapshot(target);

        var (code, output, error) = Prelu(Command(command, notebooks, target));

        Assert.True(code == 2, $"exit {code}: {output} {error}");
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"error: --out: '{target}' holds files prelu notebooks {command} did not write (", line, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(target));
    }

    [Fact]
    public void Case2_the_export_writes_into_a_new_folder_again_into_its_own_and_never_into_a_sites()
    {
        using var folder = new TempFolder();
        var notebooks = TinyNotebooks(folder, "nb", ("01-a", "1"), ("02-b", "2"));
        var scripts = folder.Combine("scripts");
        var site = Directory.CreateDirectory(folder.Combine("site")).FullName;
        File.WriteAllText(Path.Combine(site, OwnedFolder.ManifestName), """{"command": "prelu notebooks render", "files": []}""");

        var first = Prelu(Command("export", notebooks, scripts));
        var again = Prelu([.. Command("export", notebooks, scripts), "--only", "02"]);
        var intoSite = Prelu(Command("export", notebooks, site));

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Equal(["01-a.cs", "02-b.cs", "Directory.Build.props", "Directory.Packages.props"], Visible(scripts)); // --only keeps the others
        Assert.Equal([OwnedFolder.ManifestName], Directory.GetFileSystemEntries(scripts, ".*").Select(Path.GetFileName)); // no lock or staging left
        Assert.Equal(Visible(scripts), JsonNode.Parse(File.ReadAllText(Path.Combine(scripts, OwnedFolder.ManifestName)))!["files"]!.AsArray()
                         .Select(f => (string)f!).Order(StringComparer.Ordinal)); // exactly what it wrote
        Assert.Equal(2, intoSite.ExitCode);
        Assert.Contains($"--out: '{site}' holds the output of prelu notebooks render", Assert.Single(Lines(intoSite.Error)), StringComparison.Ordinal);
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case8_and_17_a_render_of_some_notebooks_into_a_site_keeps_the_others_and_every_page_the_index_and_the_search_list_the_pages_there()
    {
        using var folder = new TempFolder();
        var notebooks = TinyNotebooks(folder, "nb", ("01-a", "1"), ("02-b", "2"), ("03-c", "3"));
        var site = folder.Combine("site");

        var both = Prelu([.. Command("render", notebooks, site), "--only", "03", "--only", "01"]); // several --only: each is rendered
        Assert.True(both.ExitCode == 0, both.Error);
        Assert.Equal(["01-a", "03-c"], AssertWhole(site));

        var one = Prelu([.. Command("render", notebooks, site), "--only", "02"]);
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Equal(["01-a", "02-b", "03-c"], AssertWhole(site));
        Assert.Contains("kept from an earlier render", one.Output, StringComparison.Ordinal);

        // A notebook gone from the course leaves no orphan page behind the next render.
        File.Delete(Path.Combine(notebooks, "03-c.ipynb"));
        var after = Prelu([.. Command("render", notebooks, site), "--only", "01"]);
        Assert.True(after.ExitCode == 0, after.Error);
        Assert.Equal(["01-a", "02-b"], AssertWhole(site));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case8_a_second_render_into_the_same_folder_is_refused_while_the_first_runs_and_a_render_killed_mid_way_leaves_the_site_as_it_was()
    {
        using var folder = new TempFolder();
        var notebooks = TinyNotebooks(folder, "nb", ("01-a", "1"), ("02-slow", "System.Threading.Thread.Sleep(60_000);"));
        var site = folder.Combine("site");
        var first = Prelu([.. Command("render", notebooks, site), "--only", "01"]);
        Assert.True(first.ExitCode == 0, first.Error);
        var before = Snapshot(site);

        var slow = Start([.. Command("render", notebooks, site), "--only", "slow"]);
        WaitFor(() => Directory.Exists(Path.Combine(site, ".prelu-staging")), slow.Process);
        var second = Prelu([.. Command("render", notebooks, site), "--only", "01"]);
        slow.Process.Kill(); // kill -9: no cleanup of its own
        slow.Process.WaitForExit();

        Assert.True(second.ExitCode == 1, $"exit {second.ExitCode}: {second.Output} {second.Error}");
        Assert.Contains($"'{site}' is in use by another process", Assert.Single(Lines(second.Error)), StringComparison.Ordinal);
        // The killed render could not clean up its staging folder and lock files; the site itself is untouched.
        Assert.Equal(before, Snapshot(site).Where(e => !e.StartsWith(".prelu-staging", StringComparison.Ordinal) && !e.StartsWith(".prelu.lock", StringComparison.Ordinal)));
        var rerun = Prelu([.. Command("render", notebooks, site), "--only", "01"]);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(["01-a"], AssertWhole(site));
        Assert.Equal(before.Count, Snapshot(site).Count); // the leftovers went
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public async Task Case13_ctrl_c_during_a_render_says_so_in_one_line_and_leaves_the_site_as_it_was()
    {
        using var folder = new TempFolder();
        var notebooks = TinyNotebooks(folder, "nb", ("01-a", "1"), ("02-slow", "System.Threading.Thread.Sleep(60_000);"));
        var site = folder.Combine("site");
        var first = Prelu([.. Command("render", notebooks, site), "--only", "01"]);
        Assert.True(first.ExitCode == 0, first.Error);
        var before = Snapshot(site);

        var slow = Start(Command("render", notebooks, site));
        WaitFor(() => File.Exists(Path.Combine(site, ".prelu-staging", "01-a.html")), slow.Process); // into the slow notebook's cell
        using (var kill = Process.Start("kill", ["-INT", slow.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }

        Assert.True(slow.Process.WaitForExit(TimeSpan.FromMinutes(1)), "prelu did not stop on Ctrl-C");
        var (code, output, error) = (slow.Process.ExitCode, await slow.Output, await slow.Error);
        Assert.True(code == 1, $"exit {code}: {output} {error}");
        Assert.Equal($"cancelled (Ctrl-C): nothing in '{site}' changed.", Assert.Single(Lines(error)));
        Assert.Equal(before, Snapshot(site));
        Assert.False(Directory.Exists(Path.Combine(site, ".prelu-staging")));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case9_names_with_quotes_angle_brackets_hashes_question_marks_percents_and_spaces_are_encoded_in_every_link_and_text()
    {
        using var folder = new TempFolder();
        const string Quoted = "08-\" onmouseover=\"x";
        const string Odd = "09-a#b?c%41 d<e>";
        var notebooks = TinyNotebooks(folder, "nb", (Quoted, "1"), (Odd, "2"));
        // A markdown link to a sibling, written as a reader writes it for VS Code (percent-encoded).
        var first = Path.Combine(notebooks, Quoted + ".ipynb");
        var notebook = JsonNode.Parse(File.ReadAllText(first))!;
        notebook["cells"]![0]!["source"] = $"# Eight \" onmouseover=\"alert(1)\n\nSee [the next]({Uri.EscapeDataString(Odd)}.ipynb).";
        File.WriteAllText(first, notebook.ToJsonString());
        var site = folder.Combine("site");

        var (code, output, error) = Prelu(Command("render", notebooks, site));

        Assert.True(code == 0, $"exit {code}: {output} {error}");
        Assert.Equal([Quoted, Odd], AssertWhole(site));
        foreach (var page in Directory.GetFiles(site, "*.html"))
        {
            var html = WithoutScripts(File.ReadAllText(page));
            Assert.DoesNotContain("onmouseover=\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<e>", html, StringComparison.Ordinal);
        }

        Assert.Contains($"<a href=\"{Uri.EscapeDataString(Odd + ".html")}\">the next</a>", File.ReadAllText(Path.Combine(site, Quoted + ".html")), StringComparison.Ordinal);
        Assert.Contains("Eight &quot; onmouseover=&quot;alert(1)", File.ReadAllText(Path.Combine(site, CourseSite.IndexPage)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"notebooks": {"01-a": {"quick": {"seconds": 3, "machine": "m", "commit": "c"}}, "01-a": {}}}""", "Duplicate", "01-a")]
    [InlineData("""{"notebooks": {"01-a": {"quick": {"seconds": 1e300, "machine": "m", "commit": "c"}}}}""", "notebooks.01-a.quick.seconds", "at most 86400")]
    [InlineData("""{"notebooks": {"01-a": {"quick": {"seconds": 90000, "machine": "m", "commit": "c"}}}}""", "notebooks.01-a.quick.seconds", "got 90000")]
    public void Case16_a_times_file_with_a_key_twice_or_an_absurd_time_is_refused_naming_the_file_and_the_key(string json, string key, string problem)
    {
        using var folder = new TempFolder();
        var notebooks = TinyNotebooks(folder, "nb", ("01-a", "1"));
        var times = Path.Combine(notebooks, MeasuredTimes.FileName);
        File.WriteAllText(times, json);

        var (code, output, error) = Prelu(Command("render", notebooks, folder.Combine("site")));

        Assert.True(code == 1, $"exit {code}: {output} {error}");
        var line = Assert.Single(Lines(error));
        Assert.StartsWith($"failed: {times}: ", line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains(problem, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("site")));
    }

    [Theory]
    [InlineData("render", "", "--only: is empty")]
    [InlineData("render", " ", "--only: is empty")]
    [InlineData("export", "", "--only: is empty")]
    [InlineData("render", "zz", "--only: no notebook in")]
    public void Case17_an_empty_or_unmatched_only_is_refused_naming_it_even_beside_a_good_one(string command, string only, string problem)
    {
        using var folder = new TempFolder();
        var notebooks = TinyNotebooks(folder, "nb", ("01-a", "1"));

        var (code, output, error) = Prelu([.. Command(command, notebooks, folder.Combine("out")), "--only", "01", "--only", only]);

        Assert.True(code == 2, $"exit {code}: {output} {error}");
        Assert.StartsWith($"error: {problem}", Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("out")));
    }

    [Fact]
    public void Case2_runs_kept_loose_in_the_site_folder_are_refused_before_any_work()
    {
        using var folder = new TempFolder();
        var notebooks = TinyNotebooks(folder, "nb", ("01-a", "1"));

        var (code, output, error) = Prelu([.. Command("render", notebooks, folder.Combine("site")), "--results", folder.Combine("site") + "/"]);

        Assert.True(code == 2, $"exit {code}: {output} {error}");
        Assert.StartsWith("error: --results: is the output folder itself", Assert.Single(Lines(error)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("site")));
    }

    /// <summary>
    /// Asserts the site in <paramref name="site"/> is one site: every page links exactly the pages there (its sidebar), the
    /// index and the search list the same pages, every local link opens a file there; returns the notebooks' names.
    /// </summary>
    private static List<string> AssertWhole(string site)
    {
        var pages = Directory.GetFiles(site, "*.html").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        Assert.Contains(CourseSite.IndexPage, pages);
        foreach (var page in pages)
        {
            var links = Href().Matches(WithoutScripts(File.ReadAllText(Path.Combine(site, page))))
                .Select(m => Uri.UnescapeDataString(WebUtility.HtmlDecode(m.Groups[1].Value)))
                .Where(l => !l.Contains(':', StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
            Assert.All(links, l => Assert.True(File.Exists(Path.Combine(site, l)), $"{page} links '{l}', which is not in the site"));
            Assert.Equal(pages, links.Where(l => l.EndsWith(".html", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }

        var script = File.ReadAllText(Path.Combine(site, SearchIndex.ScriptFile));
        var searched = JsonNode.Parse(script[(script.IndexOf('=', StringComparison.Ordinal) + 1)..].TrimEnd().TrimEnd(';'))!.AsArray()
            .Select(p => Uri.UnescapeDataString((string)p!["page"]!)).Order(StringComparer.Ordinal);
        Assert.Equal(pages, searched);
        var notebooks = pages.Where(p => p != CourseSite.IndexPage).Select(p => p[..^".html".Length]).ToList();
        Assert.All(notebooks, n => Assert.True(File.Exists(Path.Combine(site, n + ".ipynb")), $"no executed {n}.ipynb beside its page"));
        return notebooks;
    }

    private static string[] Command(string command, string notebooks, string output) => command == "render"
        ? ["notebooks", "render", "--profile", "quick", "--from", notebooks, "--out", output]
        : ["notebooks", "export", "--script", "--from", notebooks, "--out", output];

    private static (int ExitCode, string Output, string Error) Prelu(string[] arguments) => PreluCli.Run(RepositoryRoot.Path, arguments);

    private static (Process Process, Task<string> Output, Task<string> Error) Start(string[] arguments)
    {
        var process = Process.Start(PreluCli.StartInfo(RepositoryRoot.Path, arguments))!;
        return (process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    private static void WaitFor(Func<bool> condition, Process process)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, "prelu ended before the point the test waits for");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "prelu did not reach the point the test waits for");
            Thread.Sleep(100);
        }
    }

    /// <summary>A folder of notebooks, each a title and one code cell.</summary>
    private static string TinyNotebooks(TempFolder folder, string name, params (string Name, string Code)[] notebooks)
    {
        var path = Directory.CreateDirectory(folder.Combine(name)).FullName;
        foreach (var (notebook, code) in notebooks)
        {
            var cells = new JsonArray(
                new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = $"# {notebook}\n\n**The question.** Why?" },
                new JsonObject { ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = code });
            File.WriteAllText(Path.Combine(path, notebook + ".ipynb"),
                              new JsonObject { ["cells"] = cells, ["metadata"] = new JsonObject(), ["nbformat"] = 4, ["nbformat_minor"] = 5 }.ToJsonString());
        }

        return path;
    }

    /// <summary>Every file under <paramref name="folder"/> with its hash: what "left as it was" compares.</summary>
    private static List<string> Snapshot(string folder) =>
    [
        .. Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(folder, p) + (File.Exists(p) ? " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(p))) : "/")),
    ];

    private static List<string> Visible(string folder) =>
        [.. Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)];

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string WithoutScripts(string html) => Script().Replace(html, "");

    [GeneratedRegex("<script\\b[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Script();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
