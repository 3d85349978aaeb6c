using PReluKit.IO;

namespace PReluKit.Cli;

/// <summary>The repository and the notebooks a <c>prelu notebooks</c> command works on: one place for both commands.</summary>
internal static class NotebookSelection
{
    /// <summary>
/// Where default outputs go (the repository root above the working folder, else the working folder), the notebooks'
    /// folder, and the .ipynb files of <paramref name="from"/> whose names contain one of <paramref name="only"/> (every one
    /// when none is given), in name order. Without <paramref name="from"/>: the repository's notebooks/, else the course that
    /// travels with the tool (notebooks/ in the app's folder, laid out as in the repository: the kit in lib/, the recorded
    /// experiments in data/).
    /// </summary>
    /// <exception cref="InvalidOperationException">No repository above here, no --from, and no course beside the app.</exception>
    /// <exception cref="ArgumentException">No notebook matched a text of --only; the message names --from or --only.</exception>
    public static (string Root, string Source, IReadOnlyList<string> Notebooks) Find(string? from, IReadOnlyList<string>? only)
    {
        var repository = FolderSearch.Upwards(dir => Directory.Exists(Path.Combine(dir, "notebooks")) && File.Exists(Path.Combine(dir, "PReluNotebooks.sln")));
        var root = repository ?? Environment.CurrentDirectory;
        var source = from is not null ? Path.GetFullPath(from)
                     : repository is not null ? Path.Combine(repository, "notebooks")
                     : Directory.Exists(ToolCourse) ? ToolCourse
                     : throw new InvalidOperationException(
                         $"no notebooks: no PReluNotebooks repository above here and no course beside the app ({ToolCourse}); run this inside a clone or pass --from <clone>/notebooks.");
        var all = Directory.GetFiles(source, "*.ipynb").Order(StringComparer.Ordinal).ToList();
        if (all.Count == 0)
        {
            throw new ArgumentException($"--from: '{source}' holds no .ipynb notebook.");
        }

        // Each --only must select something: a typo beside a good one would otherwise go unnoticed.
        if (only?.FirstOrDefault(o => !all.Any(n => Matches(n, o))) is { } unmatched)
        {
            throw new ArgumentException($"--only: no notebook in '{source}' has a name containing '{unmatched}'.");
        }

        return (root, source, [.. all.Where(n => only is not { Count: > 0 } || only.Any(o => Matches(n, o)))]);
    }

    /// <summary>
    /// The problem with the --only values, or null: each is part of a name (an empty one would select every notebook, which
    /// is what leaving --only out does); several select the notebooks that match any of them.
    /// </summary>
    public static string? OnlyProblem(IReadOnlyList<string>? only) =>
        only?.Any(string.IsNullOrWhiteSpace) == true
            ? "--only: is empty; expected part of a notebook's name (leave --only out to take every notebook)."
            : null;

    private static bool Matches(string notebook, string only) => Path.GetFileName(notebook).Contains(only, StringComparison.OrdinalIgnoreCase);

    /// <summary>The course published with the app (see PReluKit.Cli.csproj): its notebooks/ folder.</summary>
    public static string ToolCourse => Path.Combine(AppContext.BaseDirectory, "notebooks");
}
