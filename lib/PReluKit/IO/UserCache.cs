namespace PReluKit.IO;

/// <summary>The kit's per-user cache folder: <c>$XDG_CACHE_HOME/prelukit</c>, or <c>~/.cache/prelukit</c>.</summary>
public static class UserCache
{
    /// <summary>The path of <paramref name="parts"/> inside the cache (not created).</summary>
    public static string Folder(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine([root, "prelukit", .. parts]);
    }
}
