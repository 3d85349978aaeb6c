using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Metrics;
using PReluKit.Statistics;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Charts;

public class BornDeadPlotsTests
{
    private static BornDeadCell Cell(ActivationSpec activation, int width, int depth, int dead) =>
        new(activation, width, depth, BinomialInterval.Of(dead, 100));

    [Fact]
    public void Over_depth_draws_a_line_per_width_and_names_the_worst_cell()
    {
        var relu = ActivationSpec.ReLU();
        var plot = BornDeadPlots.OverDepth([Cell(relu, 2, 10, 20), Cell(relu, 2, 50, 60), Cell(relu, 4, 10, 5), Cell(relu, 4, 50, 30)]);
        var chart = new ChartData(plot.Chart);

        Assert.Equal(["width 2", "width 4"], chart.Names);
        Assert.Equal([10.0, 50.0], ChartData.Numbers(chart.Trace("width 2"), "x"));
        Assert.Equal([0.2, 0.6], ChartData.Numbers(chart.Trace("width 2"), "y"));
        Assert.Equal(("hidden layers (depth)", "P(network constant on [−1, 1])"), (chart.XTitle, chart.YTitle));
        Assert.StartsWith("ReLU: up to 60.0 % [", plot.Takeaway);
        Assert.Contains("(width 2, depth 50)", plot.Takeaway);
    }

    [Fact]
    public void Over_depth_says_so_when_no_net_was_born_dead()
    {
        var prelu = ActivationSpec.PReLU();
        var plot = BornDeadPlots.OverDepth([Cell(prelu, 2, 10, 0), Cell(prelu, 2, 50, 0)]);

        Assert.StartsWith($"{prelu.DisplayName}: no net of any width or depth here was constant at initialisation (0 of 100 per cell;", plot.Takeaway);
    }

    [Fact]
    public void The_heatmap_holds_the_probability_of_every_width_and_depth()
    {
        var relu = ActivationSpec.ReLU();
        var chart = new ChartData(BornDeadPlots.Heatmap([Cell(relu, 2, 10, 20), Cell(relu, 4, 10, 5), Cell(relu, 2, 50, 60), Cell(relu, 4, 50, 30)]));

        var z = Assert.Single(chart.Traces)["z"]!.AsArray();
        Assert.Equal([0.2, 0.05], z[0]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal([0.6, 0.3], z[1]!.AsArray().Select(v => v!.GetValue<double>()));
        Assert.Equal(("hidden-layer width (units)", "hidden layers (depth)"), (chart.XTitle, chart.YTitle));
    }
}
