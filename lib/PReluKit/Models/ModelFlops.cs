using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PReluKit.Models;

/// <summary>The multiply-accumulate work of a built model, counted from its layers rather than restated from its design.</summary>
public static class ModelFlops
{
    /// <summary>
    /// Multiply-accumulates of one sample's forward pass through <paramref name="model"/>'s dense and convolution layers: a
    /// linear layer's weight count, a convolution's weight count times its output's height × width. One zero sample is sent
    /// through the layers in order to learn each convolution's output size.
    /// </summary>
    /// <param name="model">A sequential model of the family.</param>
    /// <param name="sampleShape">One sample's shape, without the batch axis.</param>
    public static double ForwardMultiplyAccumulates(Sequential model, IReadOnlyList<long> sampleShape)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sampleShape);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // In evaluation mode RReLU draws no random slopes, so counting leaves the global random source where it was.
        var wasTraining = model.training;
        model.eval();
        var x = zeros([1, .. sampleShape]);
        double macs = 0;
        foreach (var layer in model.children().Cast<nn.Module<Tensor, Tensor>>())
        {
            var output = layer.call(x);
            macs += layer switch
            {
                Linear linear => linear.weight!.numel(),
                Conv2d conv => (double)conv.weight!.numel() * output.shape[2] * output.shape[3],
                SingleChannelConv2d conv => (double)conv.Weight.numel() * output.shape[2] * output.shape[3],
                _ => 0,
            };
            x = output;
        }

        model.train(wasTraining);
        return macs;
    }
}
