using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Charts;

public class InitPlotsTests
{
    [Fact]
    public void The_second_moment_over_depth_compares_both_gains_and_reads_their_last_layers()
    {
        var prelu = ActivationSpec.PReLU(0.5);
        var plot = InitPlots.SecondMomentOverDepth(prelu, depth: 4, width: 16);
        var chart = new ChartData(plot.Chart);

        Assert.Equal(["ReLU's gain: std = √(2/n)", "PReLU's gain: std = √(2/((1+α²)·n)), α = 0.5"], chart.Names);
        Assert.All(chart.Traces, t => Assert.Equal([1.0, 2.0, 3.0, 4.0], ChartData.Numbers(t, "x")));
        Assert.Equal(("layer", "E[y²] (log scale)"), (chart.XTitle, chart.YTitle));
        static string Gain(IReadOnlyList<double> y) => (y[^1] / y[0]).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        var (relu, own) = (ChartData.Numbers(chart.Traces[0], "y"), ChartData.Numbers(chart.Traces[1], "y"));
        Assert.StartsWith($"After 4 layers of 16 {prelu.DisplayName} units, E[y²] is ×{Gain(own)} of the first layer's with PReLU's own gain " +
                          $"and ×{Gain(relu)} with ReLU's gain", plot.Takeaway);
        Assert.Contains("= (1 + α²)^3 = 1.95, is exact by construction", plot.Takeaway); // 1.25³: shared draws, homogeneity
    }
}
