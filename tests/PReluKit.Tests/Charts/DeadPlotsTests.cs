using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Charts;

public class DeadPlotsTests
{
    [Fact]
    public void Dead_units_over_epochs_are_the_mean_percent_per_activation_and_layer()
    {
        var runs = new[]
        {
            SyntheticRuns.Run(ActivationSpec.ReLU(), 1, 0.8, dead: 2), SyntheticRuns.Run(ActivationSpec.ReLU(), 2, 0.8, dead: 4),
            SyntheticRuns.Run(ActivationSpec.Leaky(), 1, 0.8, dead: 0),
        };

        var chart = new ChartData(DeadPlots.OverEpochs(runs));

        Assert.Equal(["ReLU · fc1_act", $"{ActivationSpec.Leaky().DisplayName} · fc1_act"], chart.Names);
        Assert.Equal([30.0, 30.0], ChartData.Numbers(chart.Trace("ReLU · fc1_act"), "y")); // 2 and 4 of 10 units
        Assert.Equal(("epoch", "units (%)"), (chart.XTitle, chart.YTitle));
        Assert.StartsWith("Units never positive on the training data (ReLU: dead; Leaky ReLU, PReLU: off)", chart.Title);
    }
}
