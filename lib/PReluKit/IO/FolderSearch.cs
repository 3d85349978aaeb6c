namespace PReluKit.IO;

/// <summary>Finds a folder by walking up from the working folder, then from the application's folder.</summary>
public static class FolderSearch
{
    /// <summary>The first folder, from the working folder or the application's folder upwards, that <paramref name="matches"/>; null when none does.</summary>
    public static string? Upwards(Func<string, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (matches(dir.FullName))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
