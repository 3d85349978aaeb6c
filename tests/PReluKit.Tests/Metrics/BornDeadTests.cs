using PReluKit.Activations;
using PReluKit.Metrics;
using static TorchSharp.torch;

namespace PReluKit.Tests.Metrics;

public class BornDeadTests
{
    private static nn.Module<Tensor, Tensor> Layer(float[,] weight, float[] bias)
    {
        var linear = nn.Linear(weight.GetLength(1), weight.GetLength(0));
        using var noGrad = no_grad();
        linear.weight!.copy_(tensor(weight));
        linear.bias!.copy_(tensor(bias));
        return linear;
    }

    [Fact]
    public void A_layer_negative_on_the_whole_domain_makes_a_ReLU_net_constant_but_not_a_PReLU_net()
    {
        using var inputs = linspace(-1, 1, 21).view(-1, 1);
        var layers = new[]
        {
            Layer(new float[,] { { 1 }, { -1 } }, [0, 0]),
            Layer(new float[,] { { -1, -1 }, { -2, -0.5f } }, [-0.1f, -0.2f]), // non-positive for every input
            Layer(new float[,] { { 1, 1 } }, [0.3f]),
        };

        Assert.True(BornDead.IsConstant(layers, nn.ReLU(), inputs));
        Assert.False(BornDead.IsConstant(layers, PReLU.Shared(0.25), inputs));
        Assert.False(BornDead.IsConstant(layers, nn.LeakyReLU(0.01), inputs));
    }

    [Fact]
    public void Born_dead_probability_rises_with_depth_at_fixed_width_for_ReLU()
    {
        var shallow = BornDead.Estimate(ActivationSpec.ReLU(), width: 2, depth: 2, trials: 2000, seed: 1);
        var deep = BornDead.Estimate(ActivationSpec.ReLU(), width: 2, depth: 20, trials: 2000, seed: 1);
        Assert.True(deep.Probability.Lower > shallow.Probability.Upper,
            $"P(depth 20) = {deep.Probability.Proportion} should exceed P(depth 2) = {shallow.Probability.Proportion} beyond their intervals");
        Assert.True(deep.Probability.Proportion > 0.5);
    }

    [Theory]
    [InlineData("leaky")]
    [InlineData("prelu")]
    [InlineData("prelu-shared")]
    public void Leaky_and_PReLU_nets_are_never_born_dead(string key)
    {
        var cell = BornDead.Estimate(ActivationSpec.Parse(key), width: 2, depth: 20, trials: 1000, seed: 1);
        Assert.Equal(0, cell.Probability.Successes);
        Assert.True(cell.Probability.Upper < 0.01);
    }

    [Fact]
    public void The_same_seed_gives_the_same_estimate()
    {
        var a = BornDead.Estimate(ActivationSpec.ReLU(), 3, 10, 500, seed: 9);
        var b = BornDead.Estimate(ActivationSpec.ReLU(), 3, 10, 500, seed: 9);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Bad_sizes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => BornDead.Estimate(ActivationSpec.ReLU(), 0, 10, 10, 1));
        Assert.Throws<ArgumentException>(() => BornDead.Estimate(ActivationSpec.ReLU(), 2, 10, 0, 1));
    }
}
