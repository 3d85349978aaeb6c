using System.Text.RegularExpressions;
using PReluKit.Tests.Infrastructure;
using PReluKit.Tests.Repository;

namespace PReluKit.Tests.Notebooks;

/// <summary>The committed notebooks: clean, on the .NET kernel, one setup cell, cells a learner can read, a teaching structure.</summary>
public partial class NotebookFilesTests
{
    private const int MaxCellLines = 15;
    private const int MaxSetupLines = 18;
    private const int MaxLineLength = 120;

    public static TheoryData<string> Notebooks() => new(NotebookFiles.Names);

    [Fact]
    public void There_are_six_numbered_notebooks()
    {
        Assert.Equal(["01-what-is-prelu", "02-dying-relu", "03-relu-vs-leaky-vs-prelu", "04-channelwise-prelu-cnn", "05-cost-of-prelu",
                      "06-where-prelu-matters"], NotebookFiles.Names);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Committed_without_outputs_and_on_the_dotnet_kernel(string name)
    {
        var notebook = NotebookFiles.Load(name);
        Assert.StartsWith(".net-", (string?)notebook["metadata"]?["kernelspec"]?["name"]);
        Assert.Equal("csharp", (string?)notebook["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        foreach (var cell in NotebookFiles.Code(notebook))
        {
            Assert.Empty(cell["outputs"]!.AsArray());
            Assert.Null((int?)cell["execution_count"]);
            Assert.Equal("csharp", (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_first_code_cell_checks_the_build_then_pins_the_versions_of_Directory_Packages_props(string name)
    {
        var code = NotebookFiles.Code(NotebookFiles.Load(name)).Select(NotebookFiles.Source).ToList();
        var setup = code[0];
        // Two submissions in one cell: the check runs first, so a missing build fails with one line naming the fix.
        var parts = setup.Split("#!csharp\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, parts.Length);
        Assert.Contains("File.Exists(\"../lib/PReluKit.Notebooks/bin/notebooks/PReluKit.Notebooks.dll\")", parts[0], StringComparison.Ordinal);
        Assert.Contains("`dotnet build PReluNotebooks.sln`", parts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("#r ", parts[0], StringComparison.Ordinal);
        Assert.Contains("KitSetup.Initialize()", parts[1], StringComparison.Ordinal);

        var pins = NuGetReference().Matches(setup).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["MathNet.Numerics", "Microsoft.Data.Analysis", "Plotly.NET", "Plotly.NET.CSharp", "TorchSharp-cpu"], pins.Keys.Order());
        Assert.All(pins, pin => Assert.Equal(PinnedVersionsTests.Pinned[pin.Key], pin.Value));
        Assert.Contains("#r \"../lib/PReluKit.Notebooks/bin/notebooks/PReluKit.Notebooks.dll\"", setup, StringComparison.Ordinal);
        Assert.DoesNotContain(code.Skip(1), c => c.Contains("#r ", StringComparison.Ordinal) || c.Contains("KitSetup.Initialize", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_notebook_has_the_same_setup_cell()
    {
        var setups = NotebookFiles.Names.Select(n => NotebookFiles.Source(NotebookFiles.Code(NotebookFiles.Load(n)).First())).Distinct().ToList();
        Assert.Single(setups);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Code_cells_fit_on_a_screen(string name)
    {
        var problems = new List<string>();
        foreach (var (cell, index) in NotebookFiles.Code(NotebookFiles.Load(name)).Select((c, i) => (NotebookFiles.Source(c), i)))
        {
            var lines = cell.TrimEnd('\n').Split('\n');
            var limit = index == 0 ? MaxSetupLines : MaxCellLines;
            if (lines.Length > limit)
            {
                problems.Add($"code cell {index + 1} has {lines.Length} lines (at most {limit})");
            }

            problems.AddRange(lines.Where(l => l.Length > MaxLineLength).Select(l => $"code cell {index + 1}: a line of {l.Length} characters: {l}"));
        }

        Assert.True(problems.Count == 0, $"{name}: {string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Markdown_asks_the_question_and_explains_before_code(string name)
    {
        var cells = NotebookFiles.Cells(NotebookFiles.Load(name)).ToList();
        Assert.Equal("markdown", (string?)cells[0]["cell_type"]);
        Assert.Contains("**The question.**", NotebookFiles.Source(cells[0]), StringComparison.Ordinal);
        for (var i = 2; i < cells.Count; i++)
        {
            var run = cells.Skip(i - 2).Take(3).All(c => (string?)c["cell_type"] == "code");
            Assert.False(run, $"{name}: cells {i - 1}–{i + 1} are three code cells without a word between them");
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void The_end_has_findings_a_recap_exercises_with_hidden_solutions_references_and_a_link_on(string name)
    {
        var sources = NotebookFiles.Cells(NotebookFiles.Load(name)).Select(NotebookFiles.Source).ToList();
        var text = string.Join("\n", sources);
        Assert.Contains(sources, s => s.StartsWith("## What we found", StringComparison.Ordinal));
        Assert.Contains("## Recap", text, StringComparison.Ordinal);
        var exercises = text[text.IndexOf("## Exercises", StringComparison.Ordinal)..];
        Assert.InRange(Regex.Matches(exercises[..exercises.IndexOf("<details>", StringComparison.Ordinal)], @"^\d\. ", RegexOptions.Multiline).Count, 2, 3);
        Assert.Contains("<details><summary>Solution</summary>", exercises, StringComparison.Ordinal);
        Assert.Contains("</details>", exercises, StringComparison.Ordinal);
        var references = text[text.IndexOf("## References", StringComparison.Ordinal)..];
        Assert.True(ArxivId().Matches(references).Count >= 2, $"{name}: the references should name papers by arXiv id");
        Assert.Matches(@"\]\(0\d-[a-z-]+\.ipynb\)", sources[^1]);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void A_notebook_that_stores_runs_says_where_and_how_to_train_anew(string name)
    {
        var code = string.Join("\n", NotebookFiles.Code(NotebookFiles.Load(name)).Select(NotebookFiles.Source));
        if (code.Contains("new RunStore(", StringComparison.Ordinal))
        {
            Assert.Contains("Finished runs are stored in {store.RunsFolder}; change a setting and rerun to train anew.", code, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_statements_a_learner_once_caught_stay_fixed()
    {
        var all = string.Join("\n", NotebookFiles.Names.SelectMany(n => NotebookFiles.Cells(NotebookFiles.Load(n)).Select(NotebookFiles.Source)));
        Assert.DoesNotContain("cannot recover", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("every member equals", all, StringComparison.OrdinalIgnoreCase);
        var first = string.Join("\n", NotebookFiles.Cells(NotebookFiles.Load("01-what-is-prelu")).Select(NotebookFiles.Source));
        Assert.Contains(@"| SELU (Klambauer et al. 2017) | $\lambda\,y$ |", first, StringComparison.Ordinal);
        var second = string.Join("\n", NotebookFiles.Cells(NotebookFiles.Load("02-dying-relu")).Select(NotebookFiles.Source));
        Assert.Contains("**revive**", second, StringComparison.Ordinal);
        // Issue 24: statements that held for one profile or machine only, now computed in the notebook instead.
        Assert.DoesNotContain("die in ordinary training", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("the drop is tiny", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("4,194,304", all, StringComparison.Ordinal);
        Assert.Contains("10× its usual rate", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("01-what-is-prelu")]
    [InlineData("02-dying-relu")]
    [InlineData("03-relu-vs-leaky-vs-prelu")]
    [InlineData("04-channelwise-prelu-cnn")]
    [InlineData("05-cost-of-prelu")]
    [InlineData("06-where-prelu-matters")]
    public void A_notebook_that_tests_the_seed_articles_claims_cites_it_with_its_author_and_link_and_quotes_it_exactly(string name)
    {
        var text = string.Join("\n", NotebookFiles.Cells(NotebookFiles.Load(name)).Select(NotebookFiles.Source));
        var references = text[text.IndexOf("## References", StringComparison.Ordinal)..];
        Assert.Contains("- *What is Parametric ReLU?* — the seed article", references, StringComparison.Ordinal);
        Assert.Contains("M. Nabeel", references, StringComparison.Ordinal);
        Assert.Contains("<https://www.educative.io/answers/what-is-parametric-relu>", references, StringComparison.Ordinal);
        Assert.DoesNotContain("noticeable computational overhead", text, StringComparison.Ordinal); // it says "without the additional …"
    }

    [GeneratedRegex("#r \"nuget: ([^,]+), ([^\"]+)\"")]
    private static partial Regex NuGetReference();

    [GeneratedRegex(@"arXiv:\d{4}\.\d{4,5}")]
    private static partial Regex ArxivId();
}
