using PReluKit.Activations;
using PReluKit.Models;
using static TorchSharp.torch;

namespace PReluKit.Metrics;

/// <summary>
/// How the size of the signal changes through a deep stack at initialisation: the mean square pre-activation E[y²] of each
/// layer of a <c>depth</c>-layer, <c>width</c>-wide fully connected stack, weights ~ N(0, 2 / ((1 + a²)·n)). He et al.
/// (2015) derive that E[y²] stays constant when a is the activation's own negative slope, and changes by a factor
/// (1 + α²) / (1 + a²) per layer otherwise.
/// </summary>
public static class SignalPropagation
{
    /// <summary>
    /// E[y²] of layers 1 … <paramref name="depth"/> (no biases) for standard normal inputs, averaged over
    /// <paramref name="trials"/> independent draws of the weights: one finite-width network drifts away from the theory
    /// by a random factor that compounds with depth, while the average over networks follows it.
    /// </summary>
    /// <param name="activation">The activation between layers.</param>
    /// <param name="initSlope">The slope a the weights are drawn for: 0 is ReLU's (Kaiming) gain, α is PReLU's.</param>
    /// <param name="depth">Layers.</param>
    /// <param name="width">Units per layer (the fan-in n).</param>
    /// <param name="samples">Inputs drawn per trial.</param>
    /// <param name="trials">Independent networks averaged.</param>
    /// <param name="seed">Fixes inputs and weights.</param>
    public static IReadOnlyList<double> SecondMomentOverDepth(ActivationSpec activation, double initSlope, int depth = 30, int width = 256,
                                                               int samples = 512, int trials = 64, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(activation);
        Sizes.RequirePositive("SignalPropagation", ("depth", depth), ("width", width), ("samples", samples), ("trials", trials));
        Native.TorchNative.EnsureLoaded();
        using var noGrad = no_grad();
        using var generator = new Generator(seed);
        using var act = activation.Create(width);
        act.eval();
        var sums = new double[depth];
        for (var trial = 0; trial < trials; trial++)
        {
            using var scope = NewDisposeScope();
            var x = randn([samples, width], generator: generator);
            for (var layer = 0; layer < depth; layer++)
            {
                var weights = randn([width, width], generator: generator).mul_(HeInitialization.Std(width, initSlope));
                var y = x.mm(weights);
                sums[layer] += y.square().mean().item<float>();
                x = act.call(y);
            }
        }

        return [.. sums.Select(s => s / trials)];
    }
}
