using PReluKit.Activations;
using PReluKit.Metrics;

namespace PReluKit.Tests.Metrics;

public class SignalPropagationTests
{
    [Fact]
    public void The_activations_own_gain_keeps_the_second_moment_steady_and_relus_gain_grows_it_by_one_plus_alpha_squared_per_layer()
    {
        var prelu = ActivationSpec.PReLU(0.5);
        var own = SignalPropagation.SecondMomentOverDepth(prelu, initSlope: 0.5, depth: 20, width: 128);
        var relu = SignalPropagation.SecondMomentOverDepth(prelu, initSlope: 0, depth: 20, width: 128);

        Assert.InRange(own[^1] / own[0], 0.75, 1.33);
        // Same seed, so the same weights up to scale: PReLU is positively homogeneous, and the gains differ by (1 + α²) per layer.
        Assert.Equal(Math.Pow(1.25, 19), relu[^1] / relu[0] / (own[^1] / own[0]), 2);
        Assert.InRange(relu[^1] / relu[0], 0.75 * Math.Pow(1.25, 19), 1.33 * Math.Pow(1.25, 19));
    }
}
