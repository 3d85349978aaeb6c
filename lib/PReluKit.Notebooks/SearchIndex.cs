using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PReluKit.Notebooks;

/// <summary>
/// The course site's full-text search data: each page's title and plain text (markdown, code, printed outputs), written as a
/// script (<see cref="ScriptFile"/>) that sets <c>window.preluSearchIndex</c>. A script, not a JSON file, because pages
/// opened from file:// may load scripts beside them but may not fetch files.
/// </summary>
public sealed partial class SearchIndex
{
    /// <summary>The file the index is written to, beside the pages.</summary>
    public const string ScriptFile = "search-index.js";

    private readonly List<(string Page, string Title, string Text)> _pages = [];
    private readonly HashSet<string> _summaries = new(StringComparer.Ordinal);

    /// <summary>The pages indexed so far, in order.</summary>
    public IReadOnlyList<(string Page, string Title, string Text)> Pages => _pages;

    /// <summary>Indexes <paramref name="page"/> (a file name beside the index) with its title and text.</summary>
    public void Add(string page, string title, string text) => _pages.Add((page, title, Squeeze(text)));

    /// <summary>
    /// Indexes a page that sums up others (the index, the glossary): search ranks it below a page that teaches the same
    /// words, since a learner searching "He init" wants the page that explains it, not the line that points to it.
    /// </summary>
    public void AddSummary(string page, string title, string text)
    {
        Add(page, title, text);
        _summaries.Add(page);
    }

    /// <summary>
    /// What a reader can find on a notebook's page: its markdown as plain text, its code, and what its cells printed (text,
    /// and the text of HTML outputs: tables, readings, chart captions), formulas as plain text (<see cref="SearchText"/>).
    /// </summary>
    public static string TextOf(JsonNode executed) =>
        string.Join('\n', NotebookCells.All(executed).Select(cell => NotebookCells.IsMarkdown(cell)
            ? PlainMarkdown(NotebookCells.Source(cell))
            : string.Join('\n', [NotebookCells.Source(cell), .. NotebookPage.Shown(cell).Select(SearchText.OfOutput)])));

    /// <summary><paramref name="markdown"/> as the words a reader sees, without markup, formulas as plain text.</summary>
    public static string PlainMarkdown(string markdown) => SearchText.OfMarkdown(markdown);

    /// <summary>The script that defines the index.</summary>
    public string ToScript()
    {
        var pages = new JsonArray(_pages.Select(p => (JsonNode?)(_summaries.Contains(p.Page)
            ? new JsonObject { ["page"] = p.Page, ["title"] = p.Title, ["text"] = p.Text, ["summary"] = true }
            : new JsonObject { ["page"] = p.Page, ["title"] = p.Title, ["text"] = p.Text })).ToArray());
        // "</" is escaped so that no text can close a script element if the index is ever inlined.
        return "window.preluSearchIndex = " + pages.ToJsonString(new JsonSerializerOptions { WriteIndented = false }).Replace("</", "<\\/", StringComparison.Ordinal) + ";\n";
    }

    private static string Squeeze(string text) => Whitespace().Replace(text ?? "", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
