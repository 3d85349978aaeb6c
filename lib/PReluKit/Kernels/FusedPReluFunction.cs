using static TorchSharp.torch;

namespace PReluKit.Kernels;

/// <summary>
/// PReLU as a custom autograd function: libtorch's forward (already as fast as ReLU's), the kit's fused backward
/// (<see cref="PReluBackwardKernel"/>). Apply with <c>FusedPReluFunction.apply(input, alpha)</c>.
/// </summary>
/// <remarks>The backward is not itself differentiable: second derivatives need the native path (<see cref="Activations.PReLU.FusedBackward"/> = false).</remarks>
internal sealed class FusedPReluFunction : autograd.SingleTensorFunction<FusedPReluFunction>
{
    /// <inheritdoc />
    public override string Name => nameof(FusedPReluFunction);

    /// <inheritdoc />
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var input = (Tensor)vars[0];
        var alpha = (Tensor)vars[1];
        ctx.save_for_backward([input, alpha]);
        return nn.functional.prelu(input, alpha);
    }

    /// <inheritdoc />
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        var saved = ctx.get_saved_variables();
        using var input = saved[0];
        using var alpha = saved[1];
        var (gradInput, gradAlpha) = PReluBackwardKernel.Compute(input, grad_output, alpha);
        return [gradInput, gradAlpha];
    }
}
