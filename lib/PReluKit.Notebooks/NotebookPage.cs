using System.Text.Json.Nodes;
using Markdig;
using PReluKit.Reports;

namespace PReluKit.Notebooks;

/// <summary>
/// Turns an executed notebook into a standalone offline page: markdown as HTML, code as code, each cell's outputs
/// (HTML tables, charts, text) after it; plotly.js is inlined once for every chart on the page.
/// </summary>
public static class NotebookPage
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    /// <summary>The page for <paramref name="executed"/>, titled by its first heading.</summary>
    public static HtmlReport Build(JsonNode executed, string fallbackTitle)
    {
        ArgumentNullException.ThrowIfNull(executed);
        var cells = executed["cells"]?.AsArray().OfType<JsonNode>().ToList()
                    ?? throw new InvalidDataException($"{fallbackTitle}: not a notebook (no cells).");
        var title = cells.Where(c => (string?)c["cell_type"] == "markdown").Select(Source)
            .Select(s => s.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal)))
            .FirstOrDefault(l => l is not null)?[2..].Trim() ?? fallbackTitle;
        var page = new HtmlReport(title).WithMath();
        var skippedTitle = false;
        foreach (var cell in cells)
        {
            var source = Source(cell);
            if ((string?)cell["cell_type"] == "markdown")
            {
                if (!skippedTitle && source.StartsWith("# ", StringComparison.Ordinal))
                {
                    source = string.Join('\n', source.Split('\n').Skip(1)); // the page's h1 already shows it
                    skippedTitle = true;
                }

                page.Raw(Markdig.Markdown.ToHtml(source, Markdown));
                continue;
            }

            page.Code(source);
            var outputs = cell["outputs"]?.AsArray().OfType<JsonNode>().ToList() ?? [];
            // A progress line updated in place becomes one output per update in the saved file: keep the last.
            var lastProgress = outputs.FindLastIndex(IsProgress);
            foreach (var (output, index) in outputs.Select((o, i) => (o, i)))
            {
                if (!IsProgress(output) || index == lastProgress)
                {
                    AddOutput(page, output);
                }
            }
        }

        return page;
    }

    /// <summary>The full paths of the assemblies a notebook's cells load with <c>#r "….dll"</c>, relative to its folder.</summary>
    public static IEnumerable<string> ReferencedAssemblies(string notebookPath)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        return (notebook["cells"]?.AsArray().OfType<JsonNode>() ?? [])
            .Where(c => (string?)c["cell_type"] == "code")
            .SelectMany(c => Source(c).Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("#r \"", StringComparison.Ordinal) && line.EndsWith(".dll\"", StringComparison.Ordinal))
            .Select(line => Path.GetFullPath(Path.Combine(folder, line[4..^1])));
    }

    private static void AddOutput(HtmlReport page, JsonNode output)
    {
        var data = output["data"];
        if ((string?)output["output_type"] == "error")
        {
            page.Preformatted($"{output["ename"]}: {output["evalue"]}");
        }
        else if (Text(data?["text/html"]) is { Length: > 0 } html)
        {
            page.Raw(html);
        }
        else if (Text(data?["text/plain"]) is { Length: > 0 } plain && !plain.StartsWith("Loading extensions from", StringComparison.Ordinal))
        {
            page.Preformatted(plain);
        }
        else if (Text(output["text"]) is { Length: > 0 } stream)
        {
            page.Preformatted(stream);
        }
    }

    private static bool IsProgress(JsonNode output) => ProgressLineHtml.IsProgress(Text(output["data"]?["text/html"]));

    private static string Source(JsonNode cell) => Text(cell["source"]);

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        null => "",
        var single => (string?)single ?? "",
    };
}
