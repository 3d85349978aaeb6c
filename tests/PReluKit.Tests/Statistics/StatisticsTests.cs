using PReluKit.Statistics;

namespace PReluKit.Tests.Statistics;

public class StatisticsTests
{
    [Fact]
    public void The_t_interval_matches_known_values()
    {
        // n = 5, mean 3, sample sd √2.5; t(0.975, 4) = 2.776445.
        var interval = MeanInterval.Of([1.0, 2, 3, 4, 5]);
        Assert.Equal(3, interval.Mean, 12);
        Assert.Equal(2.776445105 * Math.Sqrt(2.5 / 5), interval.HalfWidth, 6);
        Assert.False(interval.CoversZero);

        // n = 2: t(0.975, 1) = 12.7062.
        Assert.Equal(12.7062047 * (Math.Sqrt(0.5) / Math.Sqrt(2)), MeanInterval.Of([1.0, 2]).HalfWidth, 5);
    }

    [Fact]
    public void One_value_has_no_interval_and_counts_as_unconfirmed()
    {
        var single = MeanInterval.Of([0.7]);
        Assert.True(double.IsNaN(single.HalfWidth));
        Assert.True(single.CoversZero);
        Assert.Equal("0.70 (n = 1)", single.ToString("0.00"));
        Assert.Throws<ArgumentException>(() => MeanInterval.Of([]));
    }

    [Fact]
    public void An_interval_around_zero_is_not_a_confirmed_difference()
    {
        Assert.True(MeanInterval.Of([-0.2, 0.1, 0.3, -0.1]).CoversZero);
    }

    [Fact]
    public void Clopper_Pearson_matches_known_values()
    {
        var half = BinomialInterval.Of(5, 10);
        Assert.Equal(0.187086, half.Lower, 5);
        Assert.Equal(0.812914, half.Upper, 5);
        var none = BinomialInterval.Of(0, 1000);
        Assert.Equal(0, none.Lower);
        Assert.Equal(0.003682, none.Upper, 5);
        Assert.Throws<ArgumentException>(() => BinomialInterval.Of(3, 2));
    }
}
