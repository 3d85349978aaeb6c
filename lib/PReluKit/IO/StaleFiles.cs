using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PReluKit.IO;

/// <summary>
/// Removes the temp files a killed process left behind: <see cref="AtomicFile"/>'s <c>.NAME.PID.GUID.tmp</c> and the
/// downloader's <c>NAME.PID.GUID.part</c>, when process PID is no longer running.
/// </summary>
public static partial class StaleFiles
{
    /// <summary>Deletes the stale temp files directly in <paramref name="folder"/>; returns how many. A missing folder has none.</summary>
    public static int Remove(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            var match = TempName().Match(Path.GetFileName(path));
            if (match.Success && int.TryParse(match.Groups[1].Value, out var pid) && !IsRunning(pid))
            {
                try
                {
                    File.Delete(path);
                    removed++;
                }
                catch (IOException)
                {
                    // Another process cleaning up at the same moment; nothing is lost.
                }
            }
        }

        return removed;
    }

    /// <summary>The pid part of a temp file's name: <c>&lt;pid&gt;.&lt;32 hex digits&gt;.tmp|part</c> at the end.</summary>
    internal static string TempSuffix(string extension) => $".{Environment.ProcessId}.{Guid.NewGuid():N}.{extension}";

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\.(\d+)\.[0-9a-f]{32}\.(tmp|part)$")]
    private static partial Regex TempName();
}
