namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// The SDK's build cache of .NET file-based apps (<c>dotnet run app.cs</c>), under the local application data folder:
/// one folder per script path, about 1 GB each for an app that references the kit (TorchSharp's native libraries for
/// every platform). A test that runs a script from a temporary folder makes a new one every time; this removes it.
/// </summary>
internal static class FileBasedAppCache
{
    private static string Folder => Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dotnet", "runfile");

    /// <summary>Runs <paramref name="work"/> (a build or run of the script named <paramref name="name"/>, without ".cs"), then deletes the cache folders it added.</summary>
    public static T Cleaned<T>(string name, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        string[] Builds() => Directory.Exists(Folder) ? Directory.GetDirectories(Folder, name + "-*") : [];
        var before = Builds().ToHashSet(StringComparer.Ordinal);
        try
        {
            return work();
        }
        finally
        {
            foreach (var build in Builds().Where(b => !before.Contains(b)))
            {
                Directory.Delete(build, recursive: true);
            }
        }
    }
}
