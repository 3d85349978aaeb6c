using PReluKit.Activations;
using PReluKit.Models;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Tests.Training;

public class ParameterGroupsTests
{
    [Fact]
    public void The_alpha_group_holds_exactly_the_PReLU_slopes()
    {
        using var model = SmallCnn.Create(ActivationSpec.PReLU());
        var (alphas, others) = ParameterGroups.Split(model);
        var expected = model.modules().OfType<PReLU>().Select(p => p.Weight).ToList();
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected.Count, alphas.Count);
        Assert.All(expected.Zip(alphas), pair => Assert.Same(pair.First, pair.Second));
        Assert.Equal(model.parameters().Count(), alphas.Count + others.Count);
        Assert.DoesNotContain(others, p => alphas.Contains(p));
    }

    [Fact]
    public void TorchSharp_PReLU_slopes_are_recognised_too()
    {
        using var model = nn.Sequential(("fc", nn.Linear(4, 3)), ("act", nn.PReLU(3)));
        Assert.Single(ParameterGroups.Alphas(model));
    }

    [Theory]
    [InlineData(false, 0.0)]
    [InlineData(true, 5e-4)]
    public void Sgd_applies_weight_decay_to_alpha_only_when_asked(bool decayAlpha, double alphaDecay)
    {
        using var model = Mlp.Create(ActivationSpec.PReLU(), hidden: [8]);
        var optimizer = ParameterGroups.Sgd(model, 0.1, weightDecay: 5e-4, decayAlpha: decayAlpha);
        var groups = optimizer.ParamGroups.Cast<TorchSharp.Modules.SGD.ParamGroup>().ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal(5e-4, groups[0].Options.weight_decay);
        Assert.Equal(alphaDecay, groups[1].Options.weight_decay);
        Assert.Same(ParameterGroups.Alphas(model).Single(), groups[1].Parameters.Single());
    }

    [Fact]
    public void Weight_decay_really_leaves_alpha_alone_in_a_step()
    {
        using var model = Mlp.Create(ActivationSpec.PReLU(), inputs: 2, hidden: [3], classes: 2);
        var optimizer = ParameterGroups.Adam(model, 0.1, weightDecay: 0.5);
        var alpha = ParameterGroups.Alphas(model).Single();
        using var before = alpha.detach().clone();
        optimizer.zero_grad();
        foreach (var p in model.parameters())
        {
            p.grad = zeros_like(p); // only decay could move a parameter
        }

        optimizer.step();
        using var same = alpha.eq(before).all();
        Assert.True(same.item<bool>());
    }

    [Fact]
    public void Models_without_PReLU_get_a_single_group()
    {
        using var model = Mlp.Create(ActivationSpec.ReLU(), hidden: [8]);
        Assert.Single(ParameterGroups.Sgd(model, 0.1).ParamGroups);
    }
}
