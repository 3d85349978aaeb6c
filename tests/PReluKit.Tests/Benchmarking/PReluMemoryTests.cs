using PReluKit.Activations;
using PReluKit.Benchmarking;
using PReluKit.Models;

namespace PReluKit.Tests.Benchmarking;

/// <summary>PReLU's extra memory is read from the model's own shapes: α-sized buffers and an output-sized buffer per layer.</summary>
public class PReluMemoryTests
{
    [Fact]
    public void The_mlp_keeps_three_floats_per_alpha_and_one_batch_sized_output_buffer_per_layer()
    {
        using var model = Mlp.Create(ActivationSpec.PReLU());
        var layers = PReluMemory.Of(model, [784], batchSize: 128);
        Assert.Equal(["fc1_act", "fc2_act"], layers.Select(l => l.Layer));
        Assert.Equal([256L, 128L], layers.Select(l => l.Alphas));
        Assert.Equal(4_608, layers.Sum(l => l.AlphaBytes));                    // 3 × 4 bytes × 384 α
        Assert.Equal(128L * (256 + 128) * 4, layers.Sum(l => l.OutputBufferBytes)); // 196,608 bytes per step
    }

    [Fact]
    public void A_conv_layers_buffer_has_the_size_of_its_feature_maps_and_a_model_without_prelu_is_refused()
    {
        using var cnn = SmallCnn.Create(ActivationSpec.PReLU());
        var conv1 = PReluMemory.Of(cnn, [1, 28, 28], batchSize: 2)[0];
        Assert.Equal(SmallCnn.DefaultChannels[0], conv1.Alphas);
        Assert.Equal(0, conv1.OutputBufferBytes % (2L * 4 * conv1.Alphas)); // channels × positions, per sample
        Assert.True(conv1.OutputBufferBytes > 2L * 4 * conv1.Alphas);

        using var relu = Mlp.Create(ActivationSpec.ReLU());
        Assert.Contains("no PReLU layer", Assert.Throws<ArgumentException>(() => PReluMemory.Of(relu, [784], 1)).Message, StringComparison.Ordinal);
    }
}
