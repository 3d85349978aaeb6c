using System.Diagnostics;

namespace PReluKit.Cli;

/// <summary>The commit a measurement was taken at, so a recorded time can be traced to the code that produced it.</summary>
internal static class RepositoryCommit
{
    /// <summary>"1a2b3c4", "1a2b3c4 with uncommitted changes", or "unknown" where git or the repository is missing.</summary>
    public static string Describe(string repository)
    {
        var head = Git(repository, "rev-parse", "--short", "HEAD");
        if (head is not { Length: > 0 })
        {
            return "unknown";
        }

        return Git(repository, "status", "--porcelain", "--untracked-files=no") is { Length: > 0 } ? $"{head} with uncommitted changes" : head;
    }

    private static string? Git(string repository, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var text = git.StandardOutput.ReadToEnd().Trim();
            git.StandardError.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
