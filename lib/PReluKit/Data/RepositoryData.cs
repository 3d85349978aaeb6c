using PReluKit.IO;

namespace PReluKit.Data;

/// <summary>Finds the kit's <c>data/</c> folder (the one holding the shipped subset).</summary>
public static class RepositoryData
{
    /// <summary>Overrides the search: the path of the data/ folder.</summary>
    public const string EnvironmentVariable = "PRELUKIT_DATA";

    /// <summary>
    /// The data/ folder: <see cref="EnvironmentVariable"/> when set; else the first found walking up from the working folder
    /// (a clone of the repository: the subset and the recorded experiments), then from the application's folder, where the
    /// build puts the subset beside every app that references the kit's project or package. Null when none.
    /// </summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } custom)
        {
            return custom;
        }

        return FolderSearch.Upwards(HasSubset) is { } root ? Path.Combine(root, "data") : null;
    }

    private static bool HasSubset(string folder) => Directory.Exists(Path.Combine(folder, "data", FashionMnist.SubsetFolderName));
}
