using PReluKit.IO;
using PReluKit.Reports;

namespace PReluKit.Cli;

/// <summary>
/// Writes the HTML pages commands produce. The path was checked before the work (<see cref="Settings.Check.WritableFile"/>,
/// a usage error, exit 2); a write that fails now (disk full) is a run failure, exit 1, and leaves the old page whole.
/// </summary>
internal static class OutputFiles
{
    public static void WriteReport(HtmlReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        // Temp files of killed earlier runs beside the page (.NAME.PID.GUID.tmp) go first.
        StaleFiles.Remove(Path.GetDirectoryName(Path.GetFullPath(path))!);
        report.Write(path);
    }
}
