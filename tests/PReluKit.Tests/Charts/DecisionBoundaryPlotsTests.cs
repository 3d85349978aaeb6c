using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Tests.Infrastructure;
using static TorchSharp.torch;

namespace PReluKit.Tests.Charts;

public class DecisionBoundaryPlotsTests
{
    [Fact]
    public void The_boundary_is_a_probability_grid_around_the_points_with_each_class_on_top()
    {
        using var model = Mlp.Create(ActivationSpec.ReLU(), inputs: 2, hidden: [4], classes: 2, generator: new Generator(1));
        using var data = new LabeledTensors(tensor(new float[] { 0, 0, 1, 0, 0, 1, 1, 1 }).view(4, 2), tensor(new long[] { 0, 1, 1, 0 }));

        var chart = new ChartData(DecisionBoundaryPlots.Boundary(model, data, "XOR", resolution: 5));

        Assert.Equal(["P(class 1)", "class 0", "class 1"], chart.Names);
        var grid = chart.Trace("P(class 1)");
        Assert.Equal([-0.1, 0.2, 0.5, 0.8, 1.1], ChartData.Numbers(grid, "x").Select(v => Math.Round(v, 9)));
        var z = grid["z"]!.AsArray();
        Assert.Equal(5, z.Count);
        Assert.All(z, row => Assert.All(row!.AsArray(), p => Assert.InRange(p!.GetValue<double>(), 0, 1)));
        Assert.Equal([0.0, 1.0], ChartData.Numbers(chart.Trace("class 0"), "x"));
        Assert.Equal([0.0, 1.0], ChartData.Numbers(chart.Trace("class 0"), "y"));
        Assert.Equal(("XOR", "x₁", "x₂"), (chart.Title, chart.XTitle, chart.YTitle));
    }
}
