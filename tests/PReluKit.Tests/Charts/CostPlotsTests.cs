using PReluKit.Benchmarking;
using PReluKit.Charts;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Charts;

public class CostPlotsTests
{
    [Fact]
    public void The_cost_over_size_is_each_candidates_time_over_the_baselines_read_at_the_largest_size()
    {
        SweepPoint Point(long elements, double prelu) =>
            new(TensorLayout.Dense, elements, [new Timing("ReLU", [1, 1, 1, 1]), new Timing("PReLU", [prelu, prelu, prelu, prelu])]);

        var cost = CostPlots.RatioOverSize([Point(1_000, 2), Point(100_000, 1.5)], "ReLU");
        var chart = new ChartData(cost.Chart);

        var prelu = Assert.Single(chart.Traces);
        Assert.Equal("PReLU", (string?)prelu["name"]);
        Assert.Equal([1_000.0, 100_000.0], ChartData.Numbers(prelu, "x"));
        Assert.Equal([2.0, 1.5], ChartData.Numbers(prelu, "y"));
        Assert.Equal(("elements per tensor (log scale)", "time / ReLU's time"), (chart.XTitle, chart.YTitle));
        Assert.StartsWith("At 100,000 elements (dense), time per forward+backward pass over ReLU's: PReLU ", cost.Takeaway);
        Assert.Equal("Cost over size, dense", cost.Title);
        Assert.Contains("Over all sizes: PReLU ×1.50–×2.00, slower (interval above 1) at 2 of 2 sizes.", cost.Takeaway, StringComparison.Ordinal);
        Assert.EndsWith("The bytes prediction (about ReLU's time) is not met where a candidate's interval lies above 1: PReLU at 2 of 2 sizes.",
                        cost.Takeaway, StringComparison.Ordinal);

        var mixed = CostPlots.RatioOverSize([Point(1_000, 2), Point(100_000, 1.0)], "ReLU");
        Assert.EndsWith("PReLU at 1 of 2 sizes.", mixed.Takeaway, StringComparison.Ordinal); // named even where not slower at every size
    }
}
