using PReluKit.Activations;
using PReluKit.Models;
using PReluKit.Tests.Infrastructure;
using static TorchSharp.torch;

namespace PReluKit.Tests.Models;

public class ModelBuilderTests
{
    private static long ParameterCount(nn.Module model) => model.parameters().Sum(p => p.numel());

    [Fact]
    public void Mlp_has_named_layers_and_classifies_flat_images()
    {
        using var model = Mlp.Create(ActivationSpec.PReLU(), hidden: [64, 32], generator: new Generator(1));
        Assert.Equal(["fc1", "fc1_act", "fc2", "fc2_act", "out"], model.named_children().Select(c => c.name));
        using var x = randn(5, 784);
        using var y = model.call(x);
        Assert.Equal([5L, 10L], y.shape);
    }

    [Fact]
    public void Cnn_has_named_layers_and_classifies_images()
    {
        using var model = SmallCnn.Create(ActivationSpec.ReLU(), channels: [8, 16, 32], generator: new Generator(1));
        var names = model.named_children().Select(c => c.name).ToList();
        Assert.Equal(["conv1", "conv1_act", "pool1", "conv2", "conv2_act", "pool2", "conv3", "conv3_act", "pool3", "flatten", "fc1", "fc1_act", "out"], names);
        using var x = randn(3, 1, 28, 28);
        using var y = model.call(x);
        Assert.Equal([3L, 10L], y.shape);
    }

    [Fact]
    public void Channel_wise_PReLU_adds_exactly_one_parameter_per_channel()
    {
        using var relu = SmallCnn.Create(ActivationSpec.ReLU(), channels: [16, 32], hidden: 128);
        using var channelWise = SmallCnn.Create(ActivationSpec.PReLU(), channels: [16, 32], hidden: 128);
        using var shared = SmallCnn.Create(ActivationSpec.PReLUShared(), channels: [16, 32], hidden: 128);
        Assert.Equal(16 + 32 + 128, ParameterCount(channelWise) - ParameterCount(relu));
        Assert.Equal(3, ParameterCount(shared) - ParameterCount(relu));

        using var mlpRelu = Mlp.Create(ActivationSpec.ReLU());
        using var mlpPrelu = Mlp.Create(ActivationSpec.PReLU());
        Assert.Equal(256 + 128, ParameterCount(mlpPrelu) - ParameterCount(mlpRelu));
    }

    [Fact]
    public void The_same_seed_gives_the_same_weights_and_another_seed_does_not()
    {
        using var a = Mlp.Create(ActivationSpec.ReLU(), generator: new Generator(42));
        using var b = Mlp.Create(ActivationSpec.ReLU(), generator: new Generator(42));
        using var c = Mlp.Create(ActivationSpec.ReLU(), generator: new Generator(43));
        foreach (var ((pa, pb), pc) in a.parameters().Zip(b.parameters()).Zip(c.parameters()))
        {
            TensorAssert.Equal(pa, pb);
        }

        Assert.NotEqual(a.parameters().First().data<float>()[0], c.parameters().First().data<float>()[0]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Bad_sizes_are_rejected_naming_the_argument(int size)
    {
        var error = Assert.Throws<ArgumentException>(() => Mlp.Create(ActivationSpec.ReLU(), hidden: [32, size]));
        Assert.Contains("hidden[1]", error.Message);
        Assert.Throws<ArgumentException>(() => SmallCnn.Create(ActivationSpec.ReLU(), classes: size));
    }

    [Fact]
    public void Too_many_conv_blocks_for_the_image_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => SmallCnn.Create(ActivationSpec.ReLU(), imageSize: 4, channels: [4, 4, 4]));
        Assert.Contains("imageSize = 4", error.Message);
    }
}
