using static TorchSharp.torch;

namespace PReluKit.Kernels;

/// <summary>
/// <see cref="Models.SingleChannelConv2d"/>'s autograd function: libtorch's forward, the kit's weight and bias gradients; the
/// input (an image batch) gets none. Apply with <c>SingleChannelConv2dFunction.apply(input, weight, bias)</c>.
/// </summary>
internal sealed class SingleChannelConv2dFunction : autograd.SingleTensorFunction<SingleChannelConv2dFunction>
{
    /// <inheritdoc />
    public override string Name => nameof(SingleChannelConv2dFunction);

    /// <inheritdoc />
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var (input, weight, bias) = ((Tensor)vars[0], (Tensor)vars[1], (Tensor)vars[2]);
        ctx.save_for_backward([input]);
        return nn.functional.conv2d(input, weight, bias, padding: [1L, 1L]);
    }

    /// <inheritdoc />
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        using var input = ctx.get_saved_variables()[0];
        var (weight, bias) = Conv3x3WeightGradient.Compute(input, grad_output);
        return [null!, weight, bias];
    }
}
