using System.Diagnostics;

namespace PReluKit.Tests.Infrastructure;

/// <summary>Runs a child process to its end, collecting its output; kills the whole tree past a timeout.</summary>
internal static class ChildProcess
{
    /// <summary>A start with redirected output, in <paramref name="workingDirectory"/>.</summary>
    public static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Starts <paramref name="start"/> and waits for it.</summary>
    /// <exception cref="TimeoutException">It ran past <paramref name="timeout"/> (it is killed).</exception>
    public static (int ExitCode, string Output, string Error) Run(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} ran over {timeout.TotalMinutes:0} minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
