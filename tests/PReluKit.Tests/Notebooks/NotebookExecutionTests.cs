using System.Text.Json.Nodes;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Notebooks;

/// <summary>Every notebook executed headless in the quick profile, as a learner would run it.</summary>
public class NotebookExecutionTests
{
    [NotebookTheory]
    [InlineData("01-what-is-prelu", 4, 1, false)]
    [InlineData("02-dying-relu", 7, 1, false)]
    [InlineData("03-relu-vs-leaky-vs-prelu", 8, 1, true)]
    [InlineData("04-channelwise-prelu-cnn", 3, 2, true)]
    [InlineData("05-cost-of-prelu", 3, 0, true)]
    public void The_notebook_runs_without_errors_and_shows_its_charts_and_tables(string name, int charts, int tables, bool statistical)
    {
        using var results = new TempFolder();
        using var output = new TempFolder();
        var (code, executed, log) = NotebookRunner.Run(name, "quick", results.Path, output.Path);

        var outputs = NotebookFiles.Cells(executed).Where(c => (string?)c["cell_type"] == "code")
            .SelectMany(c => c["outputs"]!.AsArray().OfType<JsonNode>()).ToList();
        var errors = outputs.Where(o => (string?)o["output_type"] == "error" || (string?)o["name"] == "stderr")
            .Select(o => o.ToJsonString()).ToList();
        Assert.True(errors.Count == 0, $"{name} printed errors: {string.Join("\n", errors)}");
        Assert.True(code == 0, $"dotnet-repl exited {code}: {log}");

        var html = outputs.Select(o => Text(o["data"]?["text/html"])).ToList();
        Assert.True(html.Count(h => h.Contains("Plotly.newPlot", StringComparison.Ordinal)) >= charts, $"{name}: fewer than {charts} charts");
        Assert.True(html.Count(h => h.Contains("<table", StringComparison.Ordinal)) >= tables, $"{name}: fewer than {tables} tables");
        var findings = NotebookFiles.Cells(executed).SkipWhile(c => !NotebookFiles.Source(c).StartsWith("## What we found", StringComparison.Ordinal)).Skip(1).First();
        var finding = string.Concat(findings["outputs"]!.AsArray().Select(o => Text(o?["data"]?["text/plain"])));
        Assert.Contains("confirmed", finding);
        if (statistical)
        {
            Assert.Contains("quick profile", finding); // measured verdicts from the smoke-test profile say they are not to be trusted
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        null => "",
        var single => (string?)single ?? "",
    };
}
