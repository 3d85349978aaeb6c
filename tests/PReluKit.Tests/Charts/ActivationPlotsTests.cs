using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Charts;

public class ActivationPlotsTests
{
    [Fact]
    public void Functions_draws_one_curve_per_activation_with_its_values()
    {
        ActivationSpec[] specs = [ActivationSpec.ReLU(), ActivationSpec.Leaky(0.1), ActivationSpec.ELU()];
        var chart = new ChartData(ActivationPlots.Functions(specs, -2, 2));

        Assert.Equal(specs.Select(s => s.DisplayName), chart.Names);
        Assert.Equal(("Activation functions", "x", "f(x)"), (chart.Title, chart.XTitle, chart.YTitle));
        foreach (var spec in specs)
        {
            var trace = chart.Trace(spec.DisplayName);
            var xs = ChartData.Numbers(trace, "x");
            Assert.Equal((-2.0, 2.0), (xs[0], xs[^1]));
            Assert.Equal(xs.Select(spec.Value), ChartData.Numbers(trace, "y"));
        }
    }
}
