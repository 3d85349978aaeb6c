using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Notebooks;

/// <summary>
/// Every notebook executed headless in the quick profile through <c>prelu notebooks render</c>, as a learner would run it,
/// and its offline page opened in headless Chromium: every chart drawn, every formula typeset, nothing fetched.
/// </summary>
public partial class NotebookExecutionTests(SharedRuns runs) : IClassFixture<SharedRuns>
{
    [Theory]
    [InlineData("01-what-is-prelu", 5, 1, "\"sliders\"", "confirmed exactly")]
    [InlineData("02-dying-relu", 8, 4, "\"type\":\"heatmap\"", "Claim 1 (ReLU units can die): confirmed")]
    [InlineData("06-where-prelu-matters", 2, 2, "\"type\":\"heatmap\"", "above ReLU, the whole interval beyond it")]
    public void The_notebook_runs_and_shows_its_charts_tables_and_computed_findings(string name, int charts, int tables, string shows,
                                                                                     string finding) =>
        AssertExecuted(Rendered(name), name, charts, tables, shows, finding);

    [Theory]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    [InlineData("04-channelwise-prelu-cnn", 3, 4, "He et al. channel-wise", "quick profile")]
    [InlineData("05-cost-of-prelu", 2, 0, "time / ReLU", "quick profile")]
    public void The_longer_notebook_runs_and_shows_its_charts_tables_and_computed_findings(string name, int charts, int tables, string shows,
                                                                                            string finding) =>
        AssertExecuted(Rendered(name), name, charts, tables, shows, finding);

    [ChromiumTheory]
    [InlineData("01-what-is-prelu")]
    [InlineData("02-dying-relu")]
    [InlineData("06-where-prelu-matters")]
    public async Task The_notebooks_page_draws_every_chart_and_formula_offline(string name) => await AssertPage(Rendered(name), name);

    [ChromiumTheory]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    [InlineData("03-relu-vs-leaky-vs-prelu")]
    [InlineData("04-channelwise-prelu-cnn")]
    [InlineData("05-cost-of-prelu")]
    public async Task The_longer_notebooks_page_draws_every_chart_and_formula_offline(string name) => await AssertPage(Rendered(name), name);

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void A_learner_who_changes_a_setting_and_reruns_gets_new_runs_while_unchanged_runs_are_reused()
    {
        const string Name = "03-relu-vs-leaky-vs-prelu";
        const string Setting = "Epochs = profile.MlpEpochs }";
        var original = Rendered(Name);
        AssertExecuted(original, Name, 4, 3, "10 pairs", "quick profile"); // "10 pairs": the recorded experiment's verdicts

        var results = ResultsOf(original);
        var runs = Path.Combine(results, "03-mlp-quick", "runs");
        var trained = Directory.GetFiles(runs, "*.json").Length;
        Assert.Equal(4 * 2, trained); // 4 activations × 2 seeds in the quick profile

        using var edited = new TempFolder(RepositoryRoot.Path); // beside lib/, as the setup cell's ../lib paths need
        var source = File.ReadAllText(RepositoryRoot.Combine("notebooks", Name + ".ipynb"));
        Assert.Contains(Setting, source, StringComparison.Ordinal);
        File.WriteAllText(edited.Combine(Name + ".ipynb"), source.Replace(Setting, "Epochs = profile.MlpEpochs + 1 }", StringComparison.Ordinal));
        using var second = new TempFolder();
        var rerun = NotebookRender.Run(Name, results, second.Path, from: edited.Path);

        Assert.True(rerun.ExitCode == 0 && rerun.Errors.Count == 0, $"the edited notebook failed: {rerun.Error} {string.Join("\n", rerun.Errors)}");
        Assert.Equal(2 * trained, Directory.GetFiles(runs, "*.json").Length); // new runs beside the old, none overwritten
        Assert.Contains(rerun.Outputs, o => NotebookRender.Text(o["data"]?["text/plain"]).Contains("3 epochs", StringComparison.Ordinal));

        using var third = new TempFolder();
        var again = NotebookRender.Run(Name, results, third.Path, from: edited.Path);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(2 * trained, Directory.GetFiles(runs, "*.json").Length); // the same settings again: every run reused
    }

    [Fact]
    public void Without_a_build_the_setup_cell_fails_with_one_line_that_names_the_build_command_and_nothing_else_runs()
    {
        const string Name = "01-what-is-prelu";
        using var clone = new TempFolder(); // a notebooks/ folder with no lib/ build beside it
        var notebooks = Directory.CreateDirectory(clone.Combine("notebooks")).FullName;
        File.Copy(RepositoryRoot.Combine("notebooks", Name + ".ipynb"), Path.Combine(notebooks, Name + ".ipynb"));
        using var results = new TempFolder();
        using var output = new TempFolder();

        var outcome = NotebookRender.Run(Name, results.Path, output.Path, from: notebooks);

        Assert.NotEqual(0, outcome.ExitCode);
        var error = Assert.Single(outcome.Outputs);
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("PReluKit is not built: run `dotnet build PReluNotebooks.sln` in the repository root, then rerun this cell.",
                     (string?)error["evalue"]);
        Assert.Contains($"{Name}: cell 1 of", outcome.Error, StringComparison.Ordinal);
    }

    /// <summary>The notebook rendered in the quick profile, once for the class.</summary>
    private NotebookRender.Outcome Rendered(string name) => runs.Once(name, folder =>
    {
        var results = Directory.CreateDirectory(folder.Combine("results")).FullName;
        return NotebookRender.Run(name, results, Directory.CreateDirectory(folder.Combine("pages")).FullName);
    });

    /// <summary>Where <see cref="Rendered"/>'s notebook kept its runs: beside its pages.</summary>
    private static string ResultsOf(NotebookRender.Outcome outcome) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(outcome.PagePath)!, "..", "results"));

    private static void AssertExecuted(NotebookRender.Outcome outcome, string name, int charts, int tables, string shows, string finding)
    {
        Assert.True(outcome.Errors.Count == 0, $"{name} printed errors: {string.Join("\n", outcome.Errors)}");
        Assert.True(outcome.ExitCode == 0, $"prelu notebooks render exited {outcome.ExitCode}: {outcome.Output} {outcome.Error}");
        var drawn = Charts(outcome);
        Assert.True(drawn >= charts, $"{name}: {drawn} charts, expected at least {charts}");
        Assert.True(outcome.Html.Count(h => h.Contains("<table", StringComparison.Ordinal)) >= tables, $"{name}: fewer than {tables} tables");
        Assert.Contains(outcome.Html, h => h.Contains(shows, StringComparison.Ordinal));
        Assert.Contains(finding, outcome.Findings, StringComparison.Ordinal);
        // The setup cell's line: the kernel's OpenMP workers sleep when idle (the kit's default, inherited from the test process here).
        Assert.Contains(outcome.Outputs, o => NotebookRender.Text(o["data"]?["text/plain"]).Contains("OpenMP waits PASSIVE", StringComparison.Ordinal));
    }

    private static async Task AssertPage(NotebookRender.Outcome outcome, string name)
    {
        Assert.True(outcome.ExitCode == 0, $"prelu notebooks render exited {outcome.ExitCode}: {outcome.Output} {outcome.Error}");
        await ReportAssertions.RendersOfflineAsync(outcome.PagePath, Charts(outcome), $"notebook-{name}.png", withMath: true);
    }

    private static int Charts(NotebookRender.Outcome outcome) => outcome.Html.Count(h => h.Contains("Plotly.newPlot", StringComparison.Ordinal));
}
