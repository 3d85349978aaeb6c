using System.Text.Json.Nodes;

namespace PReluKit.Notebooks;

/// <summary>Reading a notebook's cells: their kind, their source text, the title. One place, for the page, the site and the export.</summary>
public static class NotebookCells
{
    /// <summary>The cells of <paramref name="notebook"/>, in order.</summary>
    public static IReadOnlyList<JsonNode> All(JsonNode notebook) =>
        [.. notebook?["cells"]?.AsArray().OfType<JsonNode>() ?? []];

    /// <summary>Whether <paramref name="cell"/> is a markdown cell.</summary>
    public static bool IsMarkdown(JsonNode cell) => (string?)cell?["cell_type"] == "markdown";

    /// <summary>Whether <paramref name="cell"/> is a code cell.</summary>
    public static bool IsCode(JsonNode cell) => (string?)cell?["cell_type"] == "code";

    /// <summary>The source of every markdown cell, in order.</summary>
    public static IEnumerable<string> Markdown(JsonNode notebook) => All(notebook).Where(IsMarkdown).Select(Source);

    /// <summary>The text of the first <c># heading</c> of any markdown cell, or null.</summary>
    public static string? Title(JsonNode notebook) =>
        Markdown(notebook).Select(s => s.Split('\n').FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal)))
            .FirstOrDefault(l => l is not null)?[2..].Trim();

    /// <summary>A cell's source as one string (nbformat stores it as a string or a list of lines).</summary>
    public static string Source(JsonNode cell) => Text(cell?["source"]);

    /// <summary>A string-or-lines field (source, text, a MIME bundle's value) as one string; empty when absent.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        null => "",
        var single => (string?)single ?? "",
    };
}
