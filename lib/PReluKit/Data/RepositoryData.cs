using PReluKit.IO;

namespace PReluKit.Data;

/// <summary>Finds the kit's <c>data/</c> folder (the one holding the shipped subset).</summary>
public static class RepositoryData
{
    /// <summary>Overrides the search: the path of the data/ folder.</summary>
    public const string EnvironmentVariable = "PRELUKIT_DATA";

    /// <summary>
    /// The data/ folder: <see cref="EnvironmentVariable"/> when set; else the first found walking up from the working folder,
    /// then from the application's folder; else the data/ folder of the source tree this kit was built from (recorded at
    /// build time, so a file-based app or project that references the kit's project finds it wherever it runs). Null when none.
    /// </summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } custom)
        {
            return custom;
        }

        if (FolderSearch.Upwards(HasSubset) is { } root)
        {
            return Path.Combine(root, "data");
        }

        return BuiltFrom is { } source && HasSubset(source) ? Path.Combine(source, "data") : null;
    }

    /// <summary>The repository folder the kit's assembly was built from (an assembly attribute written by the build).</summary>
    public static string? BuiltFrom => typeof(RepositoryData).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .OfType<System.Reflection.AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "PReluKit.RepositoryRoot")?.Value;

    private static bool HasSubset(string folder) => Directory.Exists(Path.Combine(folder, "data", FashionMnist.SubsetFolderName));
}
