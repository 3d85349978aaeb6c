using PReluKit.IO;

namespace PReluKit.Cli;

/// <summary>The repository and the notebooks a <c>prelu notebooks</c> command works on: one place for both commands.</summary>
internal static class NotebookSelection
{
    /// <summary>
    /// The repository root above the working folder, the notebooks' folder, and the .ipynb files of <paramref name="from"/> (default notebooks/)
    /// whose names contain <paramref name="only"/>, in name order.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not inside the repository.</exception>
    /// <exception cref="ArgumentException">No notebook matched; the message names --from or --only.</exception>
    public static (string Root, string Source, IReadOnlyList<string> Notebooks) Find(string? from, string? only)
    {
        var root = FolderSearch.Upwards(dir => Directory.Exists(Path.Combine(dir, "notebooks")) && File.Exists(Path.Combine(dir, "PReluNotebooks.sln")))
                   ?? throw new InvalidOperationException(
                       "run this inside the PReluNotebooks repository: no notebooks/ folder beside a PReluNotebooks.sln was found above here.");
        var source = from is null ? Path.Combine(root, "notebooks") : Path.GetFullPath(from);
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
}
