using PReluKit.Statistics;

namespace PReluKit.Tests.Statistics;

public class IntervalAgainstTests
{
    [Theory]
    [InlineData(0.1, 0.5, 3, 0, IntervalPosition.Above)]
    [InlineData(-0.5, -0.1, 3, 0, IntervalPosition.Below)]
    [InlineData(-0.5, 0.1, 3, 0, IntervalPosition.Across)]
    [InlineData(0.0, 0.5, 3, 0, IntervalPosition.Across)]   // an end on the line reaches it
    [InlineData(0.1, 0.5, 2, 0, IntervalPosition.TooFew)]   // two pairs: no reading
    [InlineData(1.05, 1.2, 5, 1, IntervalPosition.Above)]   // a ratio against 1
    [InlineData(0.9, 1.2, 5, 1.25, IntervalPosition.Below)] // an epoch ratio against a per-call ratio
    public void An_interval_lies_above_below_or_across_its_line(double lower, double upper, int count, double line, IntervalPosition expected) =>
        Assert.Equal(expected, IntervalAgainst.Line(lower, upper, count, line));

    [Fact]
    public void Undefined_ends_and_every_interval_type_go_through_the_same_rule()
    {
        Assert.Equal(IntervalPosition.TooFew, IntervalAgainst.Line(double.NaN, 1, 5, 0));
        Assert.Equal(IntervalPosition.Above, IntervalAgainst.Line(MeanInterval.Of([1.0, 1.1, 1.2, 1.05])));
        Assert.Equal(IntervalPosition.Across, IntervalAgainst.Line(MeanInterval.Of([1.0, -1.1, 1.2, -1.05])));
        Assert.Equal(IntervalPosition.Below, IntervalAgainst.Line(RatioInterval.Of([0.8, 0.81, 0.79], [1.0, 1.0, 1.0])));
        Assert.Equal(IntervalPosition.TooFew, IntervalAgainst.Line(new EffectInterval(0.5, 0.2, 0.8, 2, 0.1)));
    }
}
