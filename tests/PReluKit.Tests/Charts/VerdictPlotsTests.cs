using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Summaries;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Charts;

public class VerdictPlotsTests
{
    // PReLU beats ReLU by 1, 2 and 3 points on seeds 1–3 and is 10 % slower on every pair.
    private static readonly ComparisonSummary Summary = ComparisonSummary.From([
        SyntheticRuns.Run(ActivationSpec.ReLU(), 1, 0.80), SyntheticRuns.Run(ActivationSpec.ReLU(), 2, 0.82), SyntheticRuns.Run(ActivationSpec.ReLU(), 3, 0.84),
        SyntheticRuns.Run(ActivationSpec.PReLU(), 1, 0.81, 1.1), SyntheticRuns.Run(ActivationSpec.PReLU(), 2, 0.84, 1.1),
        SyntheticRuns.Run(ActivationSpec.PReLU(), 3, 0.87, 1.1),
    ]);

    [Fact]
    public void The_accuracy_forest_puts_each_contrast_at_its_mean_difference_in_points()
    {
        var forest = VerdictPlots.AccuracyForest(Summary);
        var chart = new ChartData(forest.Chart);

        var point = Assert.Single(chart.Traces);
        Assert.Equal(2, ChartData.Numbers(point, "x").Single(), 9);
        Assert.Equal(Summary.Contrasts[0].Name, (string?)point["y"]![0]);
        Assert.Equal(("difference in test accuracy (points)", "contrast"), (chart.XTitle, chart.YTitle));
        // One contrast: its verdict, then its name (verdicts are grouped, so a shared one is said once).
        Assert.Equal($"Paired accuracy differences against {Summary.Accuracy.Band} — {Summary.Contrasts[0].Accuracy.Label} ({Summary.Contrasts[0].Name}).",
                     forest.Takeaway);
    }

    [Fact]
    public void A_verdict_every_contrast_shares_is_said_once()
    {
        var twoSeeds = ComparisonSummary.From([
            SyntheticRuns.Run(ActivationSpec.ReLU(), 1, 0.80), SyntheticRuns.Run(ActivationSpec.ReLU(), 2, 0.82),
            SyntheticRuns.Run(ActivationSpec.Leaky(0.01), 1, 0.81), SyntheticRuns.Run(ActivationSpec.Leaky(0.01), 2, 0.80),
            SyntheticRuns.Run(ActivationSpec.PReLU(), 1, 0.81), SyntheticRuns.Run(ActivationSpec.PReLU(), 2, 0.84),
        ]);
        Assert.Equal(3, twoSeeds.Contrasts.Count);
        Assert.Equal("Paired accuracy differences against ±1 point — all 3 contrasts: too few seeds to judge.",
                     VerdictPlots.AccuracyForest(twoSeeds).Takeaway);
    }

    [Fact]
    public void The_time_forest_reads_the_paired_ratio_of_every_contrast()
    {
        var forest = VerdictPlots.TimeForest(Summary);
        var chart = new ChartData(forest.Chart);

        Assert.Equal(10, ChartData.Numbers(Assert.Single(chart.Traces), "x").Single(), 6); // +10 % epoch time
        Assert.Equal("change in epoch time (%)", chart.XTitle);
        Assert.Contains($"{Summary.Contrasts[0].Name}: ×1.100 (", forest.Takeaway);
    }
}
