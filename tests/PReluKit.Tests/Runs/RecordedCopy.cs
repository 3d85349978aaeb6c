using PReluKit.Runs;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Runs;

/// <summary>Temporary copies of the shipped recordings to damage, and their hash manifest rewritten by the real script.</summary>
internal static class RecordedCopy
{
    /// <summary>A temporary data folder holding a copy of <c>data/recorded/<paramref name="name"/></c> only.</summary>
    public static TempFolder Of(string name)
    {
        var data = new TempFolder();
        var source = RepositoryRoot.Combine("data", RecordedExperiment.FolderName, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = data.Combine(RecordedExperiment.FolderName, name, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return data;
    }

    /// <summary>The folder of <paramref name="name"/> (a path under it with <paramref name="parts"/>) in the copy.</summary>
    public static string In(TempFolder data, string name, params string[] parts) => data.Combine([RecordedExperiment.FolderName, name, .. parts]);

    /// <summary>
    /// Rewrites the hash manifest of <paramref name="name"/> in the copy with the script recordings run
    /// (<see cref="FileHashManifest.Writer"/>), as a re-recording would: what is checked next is the plan, not the hashes.
    /// </summary>
    public static void Reseal(TempFolder data, string name)
    {
        var (code, output, error) = ChildProcess.Run(
            ChildProcess.StartInfo("bash", RepositoryRoot.Path, [RepositoryRoot.Combine(FileHashManifest.Writer), In(data, name)]), TimeSpan.FromMinutes(2));
        Assert.True(code == 0, $"{FileHashManifest.Writer} exited {code}: {output}{error}");
    }

    /// <summary>The one-line refusal <paramref name="load"/> throws, checked to name <paramref name="file"/>.</summary>
    public static string Refusal<TException>(Action load, string file) where TException : Exception
    {
        var error = Assert.ThrowsAny<TException>(load);
        Assert.Contains(file, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        return error.Message;
    }
}
