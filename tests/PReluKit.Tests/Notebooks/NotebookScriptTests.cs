using System.Text.Json.Nodes;
using PReluKit.Notebooks;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Notebooks;

/// <summary>
/// <c>prelu notebooks export --script</c>: every notebook as a .NET 10 file-based app. The translation is checked on a
/// small notebook; the exported scripts of the real notebooks are built, and 01 and 06 are run to write their pages.
/// </summary>
public class NotebookScriptTests(SharedRuns runs) : IClassFixture<SharedRuns>
{
    [Fact]
    public void Cells_become_one_top_level_program_with_directives_hoisted_and_bare_results_displayed()
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(
                Cell("markdown", "# Title"),
                Cell("code", "#!csharp\nusing Microsoft.DotNet.Interactive;\nif (false) KernelInvocationContext.Current.Fail(null!);\n" +
                             "#!csharp\n#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"../lib/PReluKit.Notebooks/bin/notebooks/PReluKit.Notebooks.dll\"\n" +
                             "using PReluKit.Notebooks;\nvar x = 2;\nx * 3"),
                Cell("code", "record Pair(int A, int B);\nstatic int Twice(int v) => 2 * v;\nvar x = 5;\ndisplay(new Pair(x, Twice(x)));")),
        };

        var script = NotebookScript.Export(notebook, "demo", "../lib");
        var program = script[..script.IndexOf("internal static class ExportedCells", StringComparison.Ordinal)]; // the cells follow, as the page shows them

        Assert.Contains("#:package Plotly.NET@6.0.0", program, StringComparison.Ordinal);
        Assert.Contains("#:project ../lib/PReluKit.Notebooks/PReluKit.Notebooks.csproj", program, StringComparison.Ordinal);
        Assert.DoesNotContain("#r ", program, StringComparison.Ordinal);
        Assert.DoesNotContain("KernelInvocationContext", program, StringComparison.Ordinal); // the kernel-only build check is left out
        Assert.Contains("display(x * 3);", program, StringComparison.Ordinal);
        Assert.Contains("x = 5;", program, StringComparison.Ordinal);
        Assert.DoesNotContain("var x = 5;", program, StringComparison.Ordinal); // declared again: assigned instead
        Assert.True(program.IndexOf("using PReluKit.Notebooks;", StringComparison.Ordinal) < program.IndexOf("exportedNotebook.Cell(0)", StringComparison.Ordinal),
                    "usings come first");
        Assert.True(program.IndexOf("record Pair", StringComparison.Ordinal) > program.IndexOf("exportedNotebook.WritePage()", StringComparison.Ordinal),
                    "types come after the top-level statements");
        Assert.Contains("Cell(1);\n", program, StringComparison.Ordinal);
        Assert.Contains("\"# Title\"", script, StringComparison.Ordinal); // the markdown, embedded for the page
        Assert.Throws<InvalidDataException>(() => NotebookScript.Export(new JsonObject { ["cells"] = new JsonArray(Cell("code", "#r \"other.dll\"")) }, "bad", "../lib"));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Every_exported_notebook_builds_as_a_file_based_app()
    {
        var folder = Exported();
        foreach (var name in NotebookFiles.Names)
        {
            var (code, output, error) = FileBasedAppCache.Cleaned(name, () =>
                ChildProcess.Run(ChildProcess.StartInfo("dotnet", folder, ["build", name + ".cs"]), TimeSpan.FromMinutes(10)));
            Assert.True(code == 0, $"{name}.cs did not build (exit {code}): {Tail(output)} {Tail(error)}");
        }
    }

    [Theory]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    [InlineData("01-what-is-prelu", "confirmed exactly")] // a finding computed from the run, as the render test checks
    [InlineData("06-where-prelu-matters", "above ReLU, the whole interval beyond it")] // read from the repository's recorded sweep
    public void An_exported_notebook_runs_from_its_own_folder_with_dotnet_run_and_writes_the_page_with_its_headings_and_computed_outputs(
        string Name, string finding)
    {
        var folder = Exported();
        using var pages = new TempFolder();
        var start = ChildProcess.StartInfo("dotnet", folder, ["run", Name + ".cs", "--", Path.Combine(pages.Path, Name + ".html")]);
        start.Environment["PRELUKIT_PROFILE"] = "quick";
        start.Environment["PRELUKIT_RESULTS"] = pages.Combine("runs");
        start.Environment.Remove("PRELUKIT_DATA"); // the script finds the repository's data/ from its own folder, as a reader runs it

        var (code, output, error) = FileBasedAppCache.Cleaned(Name, () => ChildProcess.Run(start, TimeSpan.FromMinutes(10)));

        Assert.True(code == 0, $"dotnet run {Name}.cs exited {code}: {Tail(output)} {Tail(error)}");
        var page = System.Net.WebUtility.HtmlDecode(File.ReadAllText(pages.Combine(Name + ".html")));
        var notebook = NotebookFiles.Load(Name);
        foreach (var heading in NotebookCells.Markdown(notebook).SelectMany(m => m.Split('\n')).Where(l => l.StartsWith("## ", StringComparison.Ordinal)))
        {
            Assert.Contains($">{heading[3..].Trim()}</h2>", page, StringComparison.Ordinal);
        }

        Assert.Contains("Plotly.newPlot", page, StringComparison.Ordinal); // the charts, computed
        Assert.Contains("profile quick", page, StringComparison.Ordinal); // the setup cell's line, computed
        Assert.Contains(finding, page, StringComparison.Ordinal);
    }

    private string Exported() => runs.Once("export", folder =>
    {
        var (code, output, error) = PreluCli.Run(RepositoryRoot.Path, "notebooks", "export", "--script", "--out", folder.Path);
        Assert.True(code == 0, $"prelu notebooks export exited {code}: {output} {error}");
        Assert.All(NotebookFiles.Names, n => Assert.True(File.Exists(folder.Combine(n + ".cs")), $"no {n}.cs"));
        return folder.Path;
    });

    private static JsonObject Cell(string type, string source) =>
        new() { ["cell_type"] = type, ["source"] = source, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray() };

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;
}
