using System.Globalization;
using PReluKit.Statistics;
using PReluKit.Training;

namespace PReluKit.Reports;

/// <summary>The summary table of a comparison: the CLI, the report and the notebooks all show this one.</summary>
public static class ComparisonTable
{
    /// <summary>One row per activation: accuracy, paired difference, loss, epoch time, dead units and the verdict.</summary>
    public static ResultTable Of(ComparisonSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new ResultTable(
            "Final test accuracy, mean ± 95 % CI over seeds (paired Δ vs ReLU)",
            [
                new("activation"), new("runs", RightAligned: true), new("test acc. (%)", RightAligned: true),
                new("Δ vs ReLU (pts)", RightAligned: true), new("test loss", RightAligned: true, Shown: TableMedium.Page),
                new("s/epoch", RightAligned: true), new("time vs ReLU", RightAligned: true, Shown: TableMedium.Page),
                new("dead (%)", RightAligned: true), new("verdict (95 % CI)", Shown: TableMedium.Terminal),
                new("verdict", Shown: TableMedium.Page),
            ],
            [.. summary.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.DisplayName, r.Diverged == 0 ? $"{r.Runs}" : $"{r.Runs} ({r.Diverged} diverged)",
                Format(r.TestAccuracy, "0.00"), Format(r.AccuracyVsBaseline, "+0.00;-0.00;0.00"), Format(r.TestLoss, "0.000"),
                Format(r.EpochSeconds, "0.000"), Format(r.TimeRatioVsBaseline, "0.000"),
                r.DeadPercent.ToString("0.0", CultureInfo.InvariantCulture), r.Verdict.Short, r.Verdict.Text,
            ])]);
    }

    private static string Format(MeanInterval? interval, string format) => interval?.ToString(format) ?? "—";
}
