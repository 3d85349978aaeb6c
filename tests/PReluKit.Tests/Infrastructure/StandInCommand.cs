using System.Diagnostics;
using System.Runtime.Versioning;

namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// A bash script standing in for a command a test cannot run here (sbatch, kubectl): written into a folder of its own and
/// put first on a child process's PATH.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class StandInCommand
{
    /// <summary>Writes <paramref name="script"/> as the executable <paramref name="name"/> under <paramref name="folder"/>/bin and
    /// puts that folder first on <paramref name="start"/>'s PATH.</summary>
    public static void Install(ProcessStartInfo start, string folder, string name, string script)
    {
        var bin = Directory.CreateDirectory(Path.Combine(folder, "bin")).FullName;
        var path = Path.Combine(bin, name);
        File.WriteAllText(path, script.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        start.Environment["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
    }
}
