using System.Net;
using System.Text.Json.Nodes;
using Markdig;
using PReluKit.Reports;

namespace PReluKit.Notebooks;

/// <summary>
/// Turns an executed notebook into a standalone offline page: markdown as HTML, code as code, each cell's outputs
/// (HTML tables, charts, text) after it; plotly.js is inlined once for every chart on the page. The setup cell's output
/// is folded away, each progress display shows its last state, and links to sibling notebooks point at their pages.
/// </summary>
public static class NotebookPage
{
    /// <summary>
    /// The markdown pipeline of every page (and of the course site's index): Markdig's advanced extensions without its
    /// list extras, which read a line starting with an initial ("K. He, X. Zhang, …") as an item of a list numbered A, B, C.
    /// </summary>
    internal static readonly MarkdownPipeline Markdown = BuildPipeline();

    /// <summary>The page for <paramref name="executed"/>, titled by its first heading.</summary>
    public static HtmlReport Build(JsonNode executed, string fallbackTitle) => Build(executed, fallbackTitle, new HashSet<string>());

    /// <summary>
    /// The page for <paramref name="executed"/>, titled by its first heading; links to the notebooks named in
    /// <paramref name="siblingPages"/> (<c>NAME.ipynb</c>) point at their pages (<c>NAME.html</c>).
    /// </summary>
    public static HtmlReport Build(JsonNode executed, string fallbackTitle, IReadOnlySet<string> siblingPages)
    {
        ArgumentNullException.ThrowIfNull(executed);
        ArgumentNullException.ThrowIfNull(siblingPages);
        var cells = executed["cells"] is JsonArray ? NotebookCells.All(executed) : throw new InvalidDataException($"{fallbackTitle}: not a notebook (no cells).");
        var page = new HtmlReport(NotebookCells.Title(executed) ?? fallbackTitle).WithMath();
        var skippedTitle = false;
        var setupSeen = false;
        foreach (var cell in cells)
        {
            var source = NotebookCells.Source(cell);
            if (NotebookCells.IsMarkdown(cell))
            {
                if (!skippedTitle && source.StartsWith("# ", StringComparison.Ordinal))
                {
                    source = string.Join('\n', source.Split('\n').Skip(1)); // the page's h1 already shows it
                    skippedTitle = true;
                }

                page.Raw(NotebookLinks.ToPages(ToHtml(source), siblingPages));
                continue;
            }

            page.Code(source);
            var outputs = Shown(cell);
            if (!setupSeen && outputs.Count > 0)
            {
                // The setup cell's output (packages, loader, profile) is the same on every page: fold it under its one line.
                page.Raw($"<details class=\"setup-output\"><summary>Setup output: {WebUtility.HtmlEncode(SetupSummary(outputs))}</summary>");
                outputs.ForEach(o => AddOutput(page, o));
                page.Raw("</details>");
            }
            else
            {
                outputs.ForEach(o => AddOutput(page, o));
            }

            setupSeen = true;
        }

        return page;
    }

    /// <summary><paramref name="markdown"/> as a page shows it: references linked (<see cref="ReferenceLinks"/>), then HTML.</summary>
    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(ReferenceLinks.Linked(markdown ?? ""), Markdown);

    /// <summary>The full paths of the assemblies a notebook's cells load with <c>#r "….dll"</c>, relative to its folder.</summary>
    public static IEnumerable<string> ReferencedAssemblies(string notebookPath)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
        var folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        return NotebookCells.All(notebook).Where(NotebookCells.IsCode)
            .SelectMany(c => NotebookCells.Source(c).Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("#r \"", StringComparison.Ordinal) && line.EndsWith(".dll\"", StringComparison.Ordinal))
            .Select(line => Path.GetFullPath(Path.Combine(folder, line[4..^1])));
    }

    /// <summary>
    /// The outputs of <paramref name="cell"/> a page shows: of the progress lines, only the last, as the live view ends
    /// (a saved notebook may hold one output per update).
    /// </summary>
    public static List<JsonNode> Shown(JsonNode cell)
    {
        var outputs = cell?["outputs"]?.AsArray().OfType<JsonNode>().ToList() ?? [];
        var lastProgress = outputs.FindLastIndex(IsProgress);
        return [.. outputs.Where((o, i) => !IsProgress(o) || i == lastProgress)];
    }

    /// <summary>The text a page shows for <paramref name="output"/> that is not HTML (text, streams, errors), or empty.</summary>
    public static string PlainText(JsonNode output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var data = output["data"];
        if ((string?)output["output_type"] == "error")
        {
            return $"{output["ename"]}: {output["evalue"]}";
        }

        return NotebookCells.Text(data?["text/html"]).Length > 0 ? ""
            : NotebookCells.Text(data?["text/plain"]) is { Length: > 0 } plain ? (IsKernelNoise(plain) ? "" : plain)
            : NotebookCells.Text(output["text"]);
    }

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions();
        builder.Extensions.RemoveAll(extension => extension is Markdig.Extensions.ListExtras.ListExtraExtension);
        return builder.Build();
    }

    private static string SetupSummary(IEnumerable<JsonNode> outputs)
    {
        // The kit's own line (version, loader, profile) says most; cut it to its first parts so the summary stays one line.
        var line = outputs.Select(PlainText).FirstOrDefault(t => t.Length > 0)?.Split('\n')[0] ?? "";
        var parts = line.Split(" · ");
        return line.Length == 0 ? "packages and the kit loaded" : string.Join(" · ", parts.Where(p => !p.StartsWith("native loader", StringComparison.Ordinal)));
    }

    private static void AddOutput(HtmlReport page, JsonNode output)
    {
        if (NotebookCells.Text(output["data"]?["text/html"]) is { Length: > 0 } html)
        {
            // Wide tables and charts scroll inside their own box on a narrow screen, not the whole page.
            page.Raw($"<div class=\"output\">{html}</div>");
        }
        else if (PlainText(output) is { Length: > 0 } text)
        {
            page.Preformatted(text);
        }
    }

    private static bool IsKernelNoise(string plain) => plain.StartsWith("Loading extensions from", StringComparison.Ordinal);

    private static bool IsProgress(JsonNode output) => ProgressLineHtml.IsProgress(NotebookCells.Text(output["data"]?["text/html"]));
}
