using System.Text.Json.Nodes;

namespace PReluKit.Notebooks;

/// <summary>
/// One notebook as the course site lists it: its file name, its title (the first <c># heading</c>) and its question (the
/// "**The question.**" paragraph of its first markdown cell), all read from the notebook itself.
/// </summary>
/// <param name="Name">The file name without <c>.ipynb</c>, e.g. <c>01-what-is-prelu</c>.</param>
/// <param name="Title">The notebook's first heading.</param>
/// <param name="Question">The question, as markdown (it may hold LaTeX); empty when the notebook states none.</param>
public sealed record CourseNotebook(string Name, string Title, string Question)
{
    private const string QuestionLabel = "**The question.**";

    /// <summary>The rendered page's file name.</summary>
    public string Page => Name + ".html";

    /// <summary>The entry for the notebook <paramref name="notebook"/> named <paramref name="name"/>.</summary>
    public static CourseNotebook From(string name, JsonNode notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var first = NotebookCells.Markdown(notebook).FirstOrDefault() ?? "";
        var question = first.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")
            .Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith(QuestionLabel, StringComparison.Ordinal))?[QuestionLabel.Length..].Trim() ?? "";
        return new CourseNotebook(name, NotebookCells.Title(notebook) ?? name, question);
    }
}
