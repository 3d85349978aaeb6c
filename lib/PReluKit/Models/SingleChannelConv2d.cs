using TorchSharp.Modules;
using PReluKit.Kernels;
using static TorchSharp.torch;

namespace PReluKit.Models;

/// <summary>
/// A 3×3 convolution with one input channel, stride 1 and padding 1 — the first layer of the kit's CNN on grey-scale
/// images — with libtorch's forward and, in training, the weight and bias gradients of <see cref="Conv3x3WeightGradient"/>.
/// Parameters are registered as <c>weight</c> [C, 1, 3, 3] and <c>bias</c> [C], as in <c>nn.Conv2d</c>, so state dicts interchange.
/// </summary>
/// <remarks>
/// The output is libtorch's <c>conv2d</c>, bit for bit; gradients differ from <c>nn.Conv2d</c>'s by float rounding. When the
/// input itself needs a gradient, or a shape or type the kernel does not serve, the layer is plain <c>functional.conv2d</c>.
/// </remarks>
public sealed class SingleChannelConv2d : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer with <paramref name="outChannels"/> filters; weights are initialised by the model builder.</summary>
    public SingleChannelConv2d(long outChannels, string name = "SingleChannelConv2d")
        : base(name)
    {
        Sizes.RequirePositive(name, ("outChannels", (int)outChannels));
        Native.TorchNative.EnsureLoaded();
        register_parameter("weight", new Parameter(zeros(outChannels, 1, 3, 3)));
        register_parameter("bias", new Parameter(zeros(outChannels)));
    }

    /// <summary>The filters, [C, 1, 3, 3].</summary>
    public Parameter Weight => get_parameter("weight")!;

    /// <summary>The biases, [C].</summary>
    public Parameter Bias => get_parameter("bias")!;

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var fast = is_grad_enabled() && !input.requires_grad && (Weight.requires_grad || Bias.requires_grad) &&
                   Conv3x3WeightGradient.Serves(input, input);
        return fast ? SingleChannelConv2dFunction.apply(input, Weight, Bias) : nn.functional.conv2d(input, Weight, Bias, padding: [1L, 1L]);
    }
}
