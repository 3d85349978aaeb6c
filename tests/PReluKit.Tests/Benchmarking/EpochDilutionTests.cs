using PReluKit.Benchmarking;

namespace PReluKit.Tests.Benchmarking;

/// <summary>Each model's epoch ratio is compared with its own layout's per-call ratio, by intervals.</summary>
public class EpochDilutionTests
{
    private static Timing T(params double[] s) => new("x", s);

    [Fact]
    public void An_epoch_interval_below_the_per_call_ratio_is_diluted()
    {
        var text = EpochDilution.Reading("MLP", "dense", T(1.5, 1.6, 1.55, 1.5, 1.6), T(1, 1, 1, 1, 1),
                                         T(1.01, 1.02, 1.0, 1.01, 1.02), T(1, 1, 1, 1, 1));
        Assert.Contains("the epoch dilutes", text, StringComparison.Ordinal);
        Assert.Contains("slower by more than 5 %", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_epoch_interval_covering_the_per_call_ratio_is_not_settled()
    {
        var text = EpochDilution.Reading("MLP", "dense", T(1.5, 1.6, 1.55, 1.5, 1.6), T(1, 1, 1, 1, 1),
                                         T(0.9, 2.0, 1.1, 1.8, 1.3), T(1, 1, 1, 1, 1));
        Assert.Contains("not settled", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_per_call_interval_covering_1_leaves_nothing_to_dilute()
    {
        var text = EpochDilution.Reading("CNN", "conv", T(0.9, 1.1, 1.0, 0.95, 1.05), T(1, 1, 1, 1, 1),
                                         T(1.1, 1.1, 1.1, 1.1, 1.1), T(1, 1, 1, 1, 1));
        Assert.Contains("no settled per-call difference", text, StringComparison.Ordinal);
        Assert.DoesNotContain("dilutes the", text, StringComparison.Ordinal);
    }
}
