using PReluKit.Reports;

namespace PReluKit.Cli;

/// <summary>Writes the HTML pages commands produce; a path that cannot be written is a usage error naming the option.</summary>
internal static class OutputFiles
{
    public static void WriteReport(HtmlReport report, string path, string option = "--out")
    {
        ArgumentNullException.ThrowIfNull(report);
        try
        {
            report.Write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{option}: cannot write '{path}' ({e.Message}).", e);
        }
    }
}
