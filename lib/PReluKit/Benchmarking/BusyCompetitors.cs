using System.Diagnostics;

namespace PReluKit.Benchmarking;

/// <summary>
/// Processes that do nothing but burn CPU, one per core by default: the stand-in for a busy laptop, test processes side by
/// side or several shards on one node. Disposing kills them.
/// </summary>
public sealed class BusyCompetitors : IDisposable
{
    /// <summary>The shell that runs each busy loop.</summary>
    public const string Shell = "/bin/sh";

    private readonly List<Process> _processes;

    private BusyCompetitors(List<Process> processes) => _processes = processes;

    /// <summary>True where <see cref="Shell"/> exists to run the busy loops.</summary>
    public static bool IsAvailable => !OperatingSystem.IsWindows() && File.Exists(Shell);

    /// <summary>How many are running.</summary>
    public int Count => _processes.Count;

    /// <summary>Starts <paramref name="count"/> busy-looping processes (default: one per CPU this process may use).</summary>
    /// <exception cref="PlatformNotSupportedException">There is no <see cref="Shell"/>.</exception>
    public static BusyCompetitors Start(int? count = null)
    {
        if (!IsAvailable)
        {
            throw new PlatformNotSupportedException($"busy competitors need {Shell}");
        }

        var n = count ?? Environment.ProcessorCount;
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(count));
        var processes = new List<Process>(n);
        try
        {
            for (var i = 0; i < n; i++)
            {
                var start = new ProcessStartInfo(Shell) { UseShellExecute = false };
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add("while :; do :; done");
                processes.Add(Process.Start(start) ?? throw new InvalidOperationException($"{Shell} did not start"));
            }

            return new BusyCompetitors(processes);
        }
        catch
        {
            new BusyCompetitors(processes).Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var process in _processes)
        {
            try
            {
                process.Kill();
                process.WaitForExit();
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            process.Dispose();
        }

        _processes.Clear();
    }
}
