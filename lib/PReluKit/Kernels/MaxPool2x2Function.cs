using static TorchSharp.torch;

namespace PReluKit.Kernels;

/// <summary>2×2 max pooling as a custom autograd function over <see cref="MaxPool2x2Kernel"/>; apply with <c>MaxPool2x2Function.apply(input)</c>.</summary>
internal sealed class MaxPool2x2Function : autograd.SingleTensorFunction<MaxPool2x2Function>
{
    /// <inheritdoc />
    public override string Name => nameof(MaxPool2x2Function);

    /// <inheritdoc />
    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var input = (Tensor)vars[0];
        var (values, winners) = MaxPool2x2Kernel.Forward(input, winners: true);
        ctx.save_for_backward([winners!]); // saved when forward returns: not disposed here
        ctx.save_data("shape", input.shape);
        return values;
    }

    /// <inheritdoc />
    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor grad_output)
    {
        using var winners = ctx.get_saved_variables()[0];
        return [MaxPool2x2Kernel.Backward(grad_output, winners, (long[])ctx.get_data("shape"))];
    }
}
