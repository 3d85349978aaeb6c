using PReluKit.Activations;
using PReluKit.Models;
using static TorchSharp.torch;

namespace PReluKit.Tests.Models;

public class HeInitializationTests
{
    private static (double Mean, double Std) Moments(Tensor t)
    {
        using var mean = t.mean();
        using var std = t.std();
        return (mean.item<float>(), std.item<float>());
    }

    [Theory]
    [InlineData("relu", 0.0)]
    [InlineData("prelu", 0.25)]
    [InlineData("leaky:0.3", 0.3)]
    public void Large_dense_layer_gets_the_He_standard_deviation_for_the_following_slope(string activation, double slope)
    {
        using var model = nn.Sequential(("fc", nn.Linear(2048, 1024)), ("act", ActivationSpec.Parse(activation).Create(1024)), ("out", nn.Linear(1024, 10)));
        HeInitialization.Apply(model, generator: new Generator(5));
        var (mean, std) = Moments(model.parameters().First());
        var expected = Math.Sqrt(2.0 / ((1 + (slope * slope)) * 2048));
        Assert.InRange(std, expected * 0.99, expected * 1.01);
        Assert.InRange(Math.Abs(mean), 0, expected * 0.01);
        using var biasMax = model.parameters().ElementAt(1).abs().max();
        Assert.Equal(0f, biasMax.item<float>());

        // The output layer has no activation after it: std = sqrt(1 / fan_in).
        var (_, outStd) = Moments(model.parameters().Last(p => p.dim() == 2));
        Assert.InRange(outStd, Math.Sqrt(1.0 / 1024) * 0.9, Math.Sqrt(1.0 / 1024) * 1.1);
    }

    [Fact]
    public void Conv_fan_in_is_kernel_area_times_input_channels()
    {
        using var model = nn.Sequential(("conv", nn.Conv2d(64, 256, kernel_size: 3)), ("act", nn.ReLU()));
        HeInitialization.Apply(model, generator: new Generator(9));
        var (_, std) = Moments(model.parameters().First());
        var expected = Math.Sqrt(2.0 / (9 * 64));
        Assert.InRange(std, expected * 0.99, expected * 1.01);
    }

    [Fact]
    public void Std_follows_the_papers_formula()
    {
        Assert.Equal(Math.Sqrt(2.0 / (1.0625 * 100)), HeInitialization.Std(100, 0.25), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => HeInitialization.Std(0, 0));
    }
}
