using static TorchSharp.torch;

namespace PReluKit.Metrics;

/// <summary>Per-layer L2 norms of parameter gradients (UvA DL tutorial 3 plots these per activation).</summary>
public static class GradientNorms
{
    /// <summary>
    /// For each layer that has parameters with gradients, √(Σ‖∇p‖²) over its parameters, keyed by the layer's name
    /// (the parameter name without its last part: <c>fc1.weight</c> and <c>fc1.bias</c> count for <c>fc1</c>).
    /// </summary>
    public static IReadOnlyList<LayerGradient> PerLayer(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope(); // .grad hands out a new tensor handle on every access
        var squares = new List<(string Layer, double Square)>();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (parameter.grad is not { } grad)
            {
                continue;
            }

            var value = grad.norm().item<float>();
            var layer = name.Contains('.', StringComparison.Ordinal) ? name[..name.LastIndexOf('.')] : name;
            squares.Add((layer, (double)value * value));
        }

        return [.. squares.GroupBy(s => s.Layer).Select(g => new LayerGradient(g.Key, Math.Sqrt(g.Sum(s => s.Square))))];
    }
}
