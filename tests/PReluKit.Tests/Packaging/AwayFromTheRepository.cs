using PReluKit.Native;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Packaging;

/// <summary>What the packaging tests share: a package version of their own, and commands run as a user away from the repository.</summary>
internal static class AwayFromTheRepository
{
    /// <summary>
    /// The kit's version with a prerelease tag unique to this run: the NuGet cache keeps what it once restored under a
    /// version, so a fixed one would hand a later run the earlier package.
    /// </summary>
    public static string TestVersion()
    {
        var kit = typeof(TorchNative).Assembly.GetName().Version!;
        return $"{kit.Major}.{kit.Minor}.{kit.Build}-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
    }

    /// <summary>Runs <paramref name="file"/> without PRELUKIT_DATA (and with <paramref name="environment"/>); asserts it succeeded; its output.</summary>
    public static string Run(string workingDirectory, string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = ChildProcess.StartInfo(file, workingDirectory, arguments);
        start.Environment.Remove("PRELUKIT_DATA");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var (exitCode, output, error) = ChildProcess.Run(start, TimeSpan.FromMinutes(10));
        Assert.True(exitCode == 0, $"{file} {string.Join(' ', start.ArgumentList)}: exit {exitCode}\n{output}\n{error}");
        return output;
    }
}
