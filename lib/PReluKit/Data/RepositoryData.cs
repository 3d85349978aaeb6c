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

        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data");
                if (Directory.Exists(Path.Combine(candidate, FashionMnist.SubsetFolderName)))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
