using System.Diagnostics;
using PReluKit.Data;

namespace PReluKit.Cli.Rendering;

/// <summary>Download progress on standard error, at most one line a second (and every wait for the server).</summary>
internal sealed class DownloadProgressLine : IProgress<DownloadProgress>
{
    private readonly Stopwatch _sinceLine = Stopwatch.StartNew();
    private string? _file;

    public void Report(DownloadProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var finished = value.TotalBytes is { } total && value.BytesReceived == total;
        if (value.File == _file && !finished && value.Waiting == TimeSpan.Zero && _sinceLine.Elapsed < TimeSpan.FromSeconds(1))
        {
            return;
        }

        _file = value.File;
        _sinceLine.Restart();
        var size = value.TotalBytes is { } bytes ? $"{value.BytesReceived / 1e6:0.0} of {bytes / 1e6:0.0} MB" : $"{value.BytesReceived / 1e6:0.0} MB";
        Console.Error.WriteLine(value.Waiting > TimeSpan.Zero
            ? $"downloading {value.File}: {size}, waiting for the server ({value.Waiting.TotalSeconds:0} s)"
            : $"downloading {value.File}: {size}");
    }
}
