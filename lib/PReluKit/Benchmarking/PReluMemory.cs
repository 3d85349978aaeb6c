using PReluKit.Activations;
using static TorchSharp.torch;

namespace PReluKit.Benchmarking;

/// <summary>
/// What PReLU adds to a model's memory, per PReLU layer, computed from the model's own shapes (one forward pass of a single
/// zero sample, read by hooks): the α-sized buffers (α, its gradient and, under momentum SGD, its momentum buffer) and the
/// output-sized buffer the kit's fused backward reserves per layer and training step in TorchSharp 0.107.
/// </summary>
public static class PReluMemory
{
    /// <summary>Floats kept per α under momentum SGD: the parameter, its gradient and its momentum buffer.</summary>
    public const int FloatsPerAlpha = 3;

    /// <summary>
    /// One entry per PReLU layer of <paramref name="model"/>, for batches of <paramref name="batchSize"/> samples of shape
    /// <paramref name="sampleShape"/> (e.g. [784] or [1, 28, 28]).
    /// </summary>
    /// <exception cref="ArgumentException">The model has no PReLU layer, or the batch size is not positive.</exception>
    public static IReadOnlyList<LayerMemory> Of(nn.Module<Tensor, Tensor> model, long[] sampleShape, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sampleShape);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var layers = ActivationModules.Named(model).Where(m => m.Module is PReLU).ToList();
        if (layers.Count == 0)
        {
            throw new ArgumentException("PReluMemory: the model has no PReLU layer.", nameof(model));
        }

        var perSample = new Dictionary<string, long>();
        var removers = layers.Select(l => l.Module.register_forward_hook((_, _, output) =>
        {
            perSample[l.Name] = output.numel();
            return output;
        })).ToList();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            model.call(zeros([1, .. sampleShape]));
        }
        finally
        {
            removers.ForEach(r => r.remove());
        }

        return [.. layers.Select(l =>
        {
            var alphas = ((PReLU)l.Module).Weight.numel();
            return new LayerMemory(l.Name, alphas, FloatsPerAlpha * sizeof(float) * alphas, (long)batchSize * perSample[l.Name] * sizeof(float));
        })];
    }

    /// <summary>One PReLU layer's extra memory.</summary>
    /// <param name="Layer">The layer's name in the model.</param>
    /// <param name="Alphas">Its α count.</param>
    /// <param name="AlphaBytes">α, its gradient and its momentum buffer, in bytes.</param>
    /// <param name="OutputBufferBytes">The output-sized buffer reserved per training step, in bytes (batch × outputs per sample × 4).</param>
    public sealed record LayerMemory(string Layer, long Alphas, long AlphaBytes, long OutputBufferBytes);
}
