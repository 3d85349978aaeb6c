using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Charts;

public class TrainingPlotsTests
{
    [Fact]
    public void Curves_draw_each_activations_mean_per_epoch_between_its_95_percent_band()
    {
        var runs = new[]
        {
            SyntheticRuns.Run(ActivationSpec.ReLU(), 1, 0.80), SyntheticRuns.Run(ActivationSpec.ReLU(), 2, 0.84),
            SyntheticRuns.Run(ActivationSpec.PReLU(), 1, 0.90),
        };

        var chart = new ChartData(TrainingPlots.Curves(runs, e => 100 * e.TestAccuracy, "Test accuracy", "test accuracy (%)"));

        Assert.Equal(("Test accuracy", "epoch", "test accuracy (%)"), (chart.Title, chart.XTitle, chart.YTitle));
        var relu = chart.Trace("ReLU");
        Assert.Equal([0.0, 1.0], ChartData.Numbers(relu, "x"));
        Assert.Equal(10, ChartData.Numbers(relu, "y")[0], 9);
        Assert.Equal(82, ChartData.Numbers(relu, "y")[1], 9);
        Assert.True(ChartData.Numbers(chart.Trace("ReLU upper 95 %"), "y")[1] > 82);
        Assert.True(ChartData.Numbers(chart.Trace("ReLU lower 95 %"), "y")[1] < 82);
        // One seed has no interval: its mean is drawn without a band.
        Assert.Equal(90, ChartData.Numbers(chart.Trace("PReLU (channel-wise)"), "y")[1], 9);
        Assert.DoesNotContain("PReLU (channel-wise) upper 95 %", chart.Names);
    }

    [Fact]
    public void An_activation_is_read_ahead_only_at_epochs_whose_paired_interval_excludes_0()
    {
        PReluKit.Training.RunResult[] clear =
        [
            SyntheticRuns.Run(ActivationSpec.ReLU(), 1, 0.80), SyntheticRuns.Run(ActivationSpec.ReLU(), 2, 0.81), SyntheticRuns.Run(ActivationSpec.ReLU(), 3, 0.82),
            SyntheticRuns.Run(ActivationSpec.PReLU(), 1, 0.85), SyntheticRuns.Run(ActivationSpec.PReLU(), 2, 0.87), SyntheticRuns.Run(ActivationSpec.PReLU(), 3, 0.86),
        ];
        Assert.Contains("ahead at epoch 1", TrainingPlots.EpochsApart(clear, ActivationSpec.ReLU()), StringComparison.Ordinal);

        PReluKit.Training.RunResult[] mixed =
        [
            SyntheticRuns.Run(ActivationSpec.ReLU(), 1, 0.80), SyntheticRuns.Run(ActivationSpec.ReLU(), 2, 0.81), SyntheticRuns.Run(ActivationSpec.ReLU(), 3, 0.82),
            SyntheticRuns.Run(ActivationSpec.PReLU(), 1, 0.85), SyntheticRuns.Run(ActivationSpec.PReLU(), 2, 0.77), SyntheticRuns.Run(ActivationSpec.PReLU(), 3, 0.83),
        ];
        Assert.StartsWith("At no epoch does any activation's paired interval exclude 0", TrainingPlots.EpochsApart(mixed, ActivationSpec.ReLU()), StringComparison.Ordinal);
    }
}
