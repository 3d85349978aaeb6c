namespace PReluKit.Runs;

/// <summary>
/// The files a comparison writes into its results folder besides the runs, named once: the writers use these names, and
/// the folder checks use them to refuse replacing files that another tool left there.
/// </summary>
public static class ComparisonFiles
{
    /// <summary>The HTML report.</summary>
    public const string Report = "report.html";

    /// <summary>The CSV tables: the summary per activation, the contrasts, and every epoch of every run.</summary>
    public static IReadOnlyList<string> Csv { get; } = ["summary.csv", "contrasts.csv", "epochs.csv"];

    /// <summary>Every output: the CSV tables and the report.</summary>
    public static IReadOnlyList<string> Outputs { get; } = [.. Csv, Report];
}
