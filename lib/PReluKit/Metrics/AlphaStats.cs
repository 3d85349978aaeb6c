using PReluKit.Activations;
using static TorchSharp.torch;

namespace PReluKit.Metrics;

/// <summary>The α of one PReLU layer.</summary>
/// <param name="Layer">The layer's name.</param>
/// <param name="Mean">Mean α.</param>
/// <param name="Min">Smallest α.</param>
/// <param name="Max">Largest α.</param>
/// <param name="Values">Every α (one per channel, or one).</param>
public sealed record AlphaStats(string Layer, double Mean, double Min, double Max, IReadOnlyList<double> Values)
{
    /// <summary>The α of every PReLU layer of <paramref name="model"/>, in model order.</summary>
    public static IReadOnlyList<AlphaStats> Of(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.named_modules()
            .Where(m => m.module is PReLU)
            .Select(m =>
            {
                using var scope = NewDisposeScope();
                var array = ((PReLU)m.module).Weight.detach().to_type(ScalarType.Float64).flatten().data<double>().ToArray();
                return new AlphaStats(m.name, array.Average(), array.Min(), array.Max(), array);
            })];
    }
}
