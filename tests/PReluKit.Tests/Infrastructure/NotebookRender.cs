using System.Text.Json.Nodes;

namespace PReluKit.Tests.Infrastructure;

/// <summary>Executes notebooks headless through the real <c>prelu notebooks render</c> (the in-process .NET Interactive kernel).</summary>
internal static class NotebookRender
{
    /// <summary>The outcome of rendering one notebook: exit code, console text, the executed notebook and its page.</summary>
    public sealed record Outcome(int ExitCode, string Output, string Error, JsonNode Executed, string PagePath)
    {
        /// <summary>Every output of every code cell, in order.</summary>
        public IReadOnlyList<JsonNode> Outputs => [.. NotebookFiles.Cells(Executed).Where(c => (string?)c["cell_type"] == "code")
                                                     .SelectMany(c => c["outputs"]!.AsArray().OfType<JsonNode>())];

        /// <summary>The HTML outputs.</summary>
        public IReadOnlyList<string> Html => [.. Outputs.Select(o => Text(o["data"]?["text/html"])).Where(h => h.Length > 0)];

        /// <summary>Error outputs and standard-error text.</summary>
        public IReadOnlyList<string> Errors => [.. Outputs.Where(o => (string?)o["output_type"] == "error" || (string?)o["name"] == "stderr")
                                                  .Select(o => o.ToJsonString())];

        /// <summary>The text shown under the first code cell after the "## What we found" heading.</summary>
        public string Findings
        {
            get
            {
                var cell = NotebookFiles.Cells(Executed).SkipWhile(c => !NotebookFiles.Source(c).StartsWith("## What we found", StringComparison.Ordinal))
                    .First(c => (string?)c["cell_type"] == "code");
                return string.Concat(cell["outputs"]!.AsArray().Select(o => Text(o?["data"]?["text/plain"]) + Text(o?["data"]?["text/html"])));
            }
        }
    }

    /// <summary>Renders <paramref name="name"/> in the quick profile from <paramref name="from"/> (default notebooks/).</summary>
    public static Outcome Run(string name, string results, string output, string? from = null)
    {
        string[] arguments = ["notebooks", "render", "--profile", "quick", "--only", name, "--out", output, "--results", results,
                              .. from is null ? Array.Empty<string>() : ["--from", from]];
        var (code, stdout, stderr) = PreluCli.Run(RepositoryRoot.Path, arguments);
        var executed = System.IO.Path.Combine(output, name + ".ipynb");
        Assert.True(File.Exists(executed), $"prelu notebooks render wrote no {executed} (exit {code}): {stdout} {stderr}");
        return new Outcome(code, stdout, stderr, JsonNode.Parse(File.ReadAllText(executed))!, System.IO.Path.Combine(output, name + ".html"));
    }

    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        null => "",
        var single => (string?)single ?? "",
    };
}
