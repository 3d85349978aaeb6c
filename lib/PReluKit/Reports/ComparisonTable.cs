using System.Globalization;
using PReluKit.Statistics;
using PReluKit.Summaries;
using PReluKit.Tables;

namespace PReluKit.Reports;

/// <summary>The two tables of a comparison — per activation, and per paired contrast — that the CLI, the report and the notebooks all show.</summary>
public static class ComparisonTable
{
    /// <summary>One row per activation: accuracy, its paired difference to ReLU and the verdict, loss, epoch time, dead units.</summary>
    public static ResultTable Of(ComparisonSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return WithoutEmptyColumns(new ResultTable(
            summary.Baseline is null ? "Final test accuracy, mean ± 95 % CI over seeds (no ReLU runs: no Δ vs ReLU)"
                : $"Final test accuracy, mean ± 95 % CI over seeds; paired Δ vs ReLU judged against {summary.Accuracy.Band}",
            [
                new("activation"), new("runs", RightAligned: true), new("test acc. (%)", RightAligned: true),
                new("Δ vs ReLU (pts)", RightAligned: true), new("error vs ReLU's", RightAligned: true), new("verdict vs ReLU"), new("test loss", RightAligned: true, Shown: TableMedium.Page),
                new("s/epoch", RightAligned: true), new("time vs ReLU", RightAligned: true, Shown: TableMedium.Page),
                new(NeverPositiveHeader(summary), RightAligned: true),
            ],
            [.. summary.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.DisplayName, r.RunsCounted,
                Format(r.TestAccuracy, "0.00"), Format(r.VsBaseline?.AccuracyDifference, "+0.00;-0.00;0.00"), r.VsBaseline?.ErrorChange.Relative ?? "—",
                r.IsBaseline ? "baseline" : r.VsBaseline?.Accuracy.Label ?? "—", Format(r.TestLoss, "0.000"),
                Format(r.EpochSeconds, "0.000"), r.VsBaseline is { TimeRatio.Count: > 0 } v ? v.TimeRatio.ToString() : "—",
                r.DeadPercent.ToString("0.0", CultureInfo.InvariantCulture),
            ])]));
    }

    /// <summary>The table without the columns that say nothing: "—" in every row (no ReLU baseline, epoch times withheld).</summary>
    private static ResultTable WithoutEmptyColumns(ResultTable table)
    {
        var kept = Enumerable.Range(0, table.Columns.Count).Where(c => table.Rows.Count == 0 || table.Rows.Any(r => r[c] != "—")).ToList();
        return table with { Columns = [.. kept.Select(c => table.Columns[c])], Rows = [.. table.Rows.Select(r => (IReadOnlyList<string>)[.. kept.Select(c => r[c])])] };
    }

    /// <summary>
    /// One row per paired contrast: accuracy difference (with the change of B's error it means) and epoch-time ratio with
    /// their intervals and verdicts. Time withheld from every contrast for one reason is said once, in the title, not in
    /// every row.
    /// </summary>
    public static ResultTable Contrasts(ComparisonSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var withheld = summary.Contrasts.Count > 0 && summary.Contrasts.All(c => c.Time.Kind == VerdictKind.NotCompared)
            ? summary.Contrasts.Select(c => c.Time.Reason).Distinct().ToList() : [];
        var timeWithheld = withheld.Count == 1;
        var table = new ResultTable(
            $"Paired contrasts (same seeds): accuracy judged against {summary.Accuracy.Band}" +
            (timeWithheld ? $"; epoch times not compared ({withheld[0]})" : $", epoch time against {summary.Time.Band}") +
            "; Δ error: the accuracy difference as a change of the second activation's error rate; " +
            "seeds to decide: about how many seeds would settle an undecided verdict at that δ (— when decided or withheld)",
            [
                new("contrast"), new("pairs", RightAligned: true), new("Δ accuracy (pts, 95 % CI)", RightAligned: true),
                new("Δ error (relative)", RightAligned: true), new("accuracy"),
                new("time ratio (95 % CI)", RightAligned: true), new("time"), new("seeds to decide (accuracy / time)", RightAligned: true, Shown: TableMedium.Page),
            ],
            [.. summary.Contrasts.Select(c => (IReadOnlyList<string>)
            [
                c.Name, $"{c.Pairs}", Interval(c.AccuracyDifference), c.ErrorChange.Relative, c.Accuracy.Label, c.TimeRatio.ToString(), c.Time.Label,
                string.Join(" / ", new[] { c.Accuracy, c.Time }.Select(SeedsToDecide)),
            ])]);
        return timeWithheld ? Without(table, "time ratio (95 % CI)", "time") : table;
    }

    /// <summary>The table without the named columns.</summary>
    private static ResultTable Without(ResultTable table, params string[] headers)
    {
        var kept = Enumerable.Range(0, table.Columns.Count).Where(c => !headers.Contains(table.Columns[c].Header)).ToList();
        return table with { Columns = [.. kept.Select(c => table.Columns[c])], Rows = [.. table.Rows.Select(r => (IReadOnlyList<string>)[.. kept.Select(c => r[c])])] };
    }

    private static string SeedsToDecide(Verdict verdict) => verdict.PairsNeeded switch
    {
        null => "—",
        > Verdict.MaxPairsReported => $"> {Verdict.MaxPairsReported:N0}",
        { } n => $"{n}",
    };

    private static string Interval(MeanInterval difference) =>
        double.IsNaN(difference.HalfWidth)
            ? difference.Mean.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{difference.Mean:+0.00;-0.00;0.00} [{difference.Lower:+0.00;-0.00;0.00}, {difference.Upper:+0.00;-0.00;0.00}]");

    private static string Format(MeanInterval? interval, string format) => interval?.ToString(format) ?? "—";

    /// <summary>"dead (%)" for ReLU only, "off (%)" without ReLU, "dead (ReLU) / off (%)" mixed: Leaky ReLU and PReLU units are never dead.</summary>
    public static string NeverPositiveHeader(ComparisonSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Rows.All(r => r.Activation.CanDie) ? "dead (%)"
            : summary.Rows.Any(r => r.Activation.CanDie) ? "dead (ReLU) / off (%)" : "off (%)";
    }
}
