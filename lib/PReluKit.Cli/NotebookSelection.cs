using PReluKit.IO;

namespace PReluKit.Cli;

/// <summary>The repository and the notebooks a <c>prelu notebooks</c> command works on: one place for both commands.</summary>
internal static class NotebookSelection
{
    /// <summary>
    /// Where default outputs go (the repository root above the working folder, else the working folder), the notebooks'
    /// folder, and the .ipynb files of <paramref name="from"/> whose names contain <paramref name="only"/>, in name order.
    /// Without <paramref name="from"/>: the repository's notebooks/, else the course that travels with the tool (notebooks/ in
    /// the app's folder, laid out as in the repository: the kit in lib/, the recorded experiments in data/).
    /// </summary>
    /// <exception cref="InvalidOperationException">No repository above here, no --from, and no course beside the app.</exception>
    /// <exception cref="ArgumentException">No notebook matched; the message names --from or --only.</exception>
    public static (string Root, string Source, IReadOnlyList<string> Notebooks) Find(string? from, string? only)
    {
        var repository = FolderSearch.Upwards(dir => Directory.Exists(Path.Combine(dir, "notebooks")) && File.Exists(Path.Combine(dir, "PReluNotebooks.sln")));
        var root = repository ?? Environment.CurrentDirectory;
        var source = from is not null ? Path.GetFullPath(from)
                     : repository is not null ? Path.Combine(repository, "notebooks")
                     : Directory.Exists(ToolCourse) ? ToolCourse
                     : throw new InvalidOperationException(
                         $"no notebooks: no PReluNotebooks repository above here and no course beside the app ({ToolCourse}); run this inside a clone or pass --from <clone>/notebooks.");
        var notebooks = Directory.GetFiles(source, "*.ipynb").Order(StringComparer.Ordinal)
            .Where(n => only is null || Path.GetFileName(n).Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (notebooks.Count == 0)
        {
            throw new ArgumentException(only is null || !Directory.EnumerateFiles(source, "*.ipynb").Any()
                ? $"--from: '{source}' holds no .ipynb notebook."
                : $"--only: no notebook in '{source}' has a name containing '{only}'.");
        }

        return (root, source, notebooks);
    }

    /// <summary>The course published with the app (see PReluKit.Cli.csproj): its notebooks/ folder.</summary>
    public static string ToolCourse => Path.Combine(AppContext.BaseDirectory, "notebooks");
}
