using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Charts;

public class AlphaPlotsTests
{
    private static readonly PReluKit.Training.RunResult[] Runs =
    [
        SyntheticRuns.WithAlphas(ActivationSpec.PReLU(), 1, 0.25, [0.1, 0.3]),
        SyntheticRuns.WithAlphas(ActivationSpec.PReLU(), 2, 0.25, [0.2, 0.4]),
        SyntheticRuns.WithAlphas(ActivationSpec.PReLUShared(), 1, 0.25, [0.5]),
    ];

    [Fact]
    public void The_distribution_pools_every_seeds_final_alpha_per_layer()
    {
        var chart = new ChartData(AlphaPlots.Distribution(Runs));

        var box = Assert.Single(chart.Traces);
        Assert.Equal("fc1_act", (string?)box["name"]);
        Assert.Equal([0.1, 0.3, 0.2, 0.4, 0.5], ChartData.Numbers(box, "y"));
        Assert.Equal(("layer", "α"), (chart.XTitle, chart.YTitle));
    }

    [Fact]
    public void Trajectories_follow_the_mean_alpha_over_seeds_per_activation_and_layer()
    {
        var chart = new ChartData(AlphaPlots.Trajectories(Runs));

        Assert.Equal(["PReLU (channel-wise) · fc1_act", "PReLU (shared) · fc1_act"], chart.Names);
        var channelWise = ChartData.Numbers(chart.Trace("PReLU (channel-wise) · fc1_act"), "y");
        Assert.Equal(0.25, channelWise[0], 9);
        Assert.Equal(0.25, channelWise[1], 9); // seeds' means 0.2 and 0.3
        Assert.Equal(("epoch", "mean α"), (chart.XTitle, chart.YTitle));
    }

    [Fact]
    public void He_table_puts_shared_and_channel_wise_alpha_side_by_side_per_layer()
    {
        var (layer, shared, channelWise) = Assert.Single(AlphaPlots.HeTable(Runs));

        Assert.Equal("fc1_act", layer);
        Assert.Equal(0.5, shared, 9);
        Assert.Equal(0.25, channelWise, 9);
    }
    private static PReluKit.Training.RunResult TwoLayers(ulong seed, double first, double second)
    {
        var run = SyntheticRuns.WithAlphas(ActivationSpec.PReLU(), seed, 0.25, [first]);
        var last = run.Epochs[^1] with
        {
            Alphas = [new PReluKit.Metrics.AlphaStats("conv1_act", first, first, first, [first]),
                      new PReluKit.Metrics.AlphaStats("fc1_act", second, second, second, [second])],
        };
        return run with { Epochs = [run.Epochs[0], last] };
    }

    [Fact]
    public void The_first_layer_is_called_largest_only_when_the_paired_interval_over_seeds_excludes_0()
    {
        PReluKit.Training.RunResult[] clear = [TwoLayers(1, 0.30, 0.25), TwoLayers(2, 0.31, 0.25), TwoLayers(3, 0.32, 0.26)];
        var largest = AlphaPlots.FirstLayer(clear)!;
        Assert.Equal(("conv1_act", 3, PReluKit.Statistics.IntervalPosition.Above), (largest.Layer, largest.Seeds, largest.Position));
        Assert.Equal(0.0567, largest.Deeper.Single().Difference.Mean, 3);

        PReluKit.Training.RunResult[] mixed = [TwoLayers(1, 0.30, 0.25), TwoLayers(2, 0.24, 0.26), TwoLayers(3, 0.27, 0.25)];
        Assert.Equal(PReluKit.Statistics.IntervalPosition.Across, AlphaPlots.FirstLayer(mixed)!.Position);

        PReluKit.Training.RunResult[] smaller = [TwoLayers(1, 0.20, 0.25), TwoLayers(2, 0.21, 0.25), TwoLayers(3, 0.20, 0.26)];
        Assert.Equal(PReluKit.Statistics.IntervalPosition.Below, AlphaPlots.FirstLayer(smaller)!.Position);
        Assert.Equal(PReluKit.Statistics.IntervalPosition.TooFew, AlphaPlots.FirstLayer(clear[..2])!.Position);
    }
}
