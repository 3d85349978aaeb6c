using PReluKit.IO;

namespace PReluKit.Data;

/// <summary>Finds the kit's <c>data/</c> folder (the one holding the shipped subset).</summary>
public static class RepositoryData
{
    /// <summary>Overrides the search: the path of the data/ folder.</summary>
    public const string EnvironmentVariable = "PRELUKIT_DATA";

    /// <summary>The data/ folder found by walking up from the working folder, then from the application's folder; null when none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } custom)
        {
            return custom;
        }

        return FolderSearch.Upwards(dir => Directory.Exists(Path.Combine(dir, "data", FashionMnist.SubsetFolderName))) is { } root
            ? Path.Combine(root, "data")
            : null;
    }
}
