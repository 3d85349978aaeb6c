using PReluKit.Activations;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PReluKit.Models;

/// <summary>
/// He et al. (2015) initialisation for rectifier networks: weights ~ N(0, 2 / ((1 + a²)·fan_in)), biases 0,
/// where a is the negative-side slope of the activation that follows the layer.
/// </summary>
public static class HeInitialization
{
    /// <summary>The standard deviation He et al. derive for fan-in <paramref name="fanIn"/> and slope <paramref name="slope"/>.</summary>
    public static double Std(long fanIn, double slope) =>
        fanIn > 0 ? Math.Sqrt(2.0 / ((1 + (slope * slope)) * fanIn))
                  : throw new ArgumentOutOfRangeException(nameof(fanIn), fanIn, "fan-in must be positive.");

    /// <summary>
    /// Initialises every <c>Linear</c> and <c>Conv1d/2d/3d</c> of <paramref name="model"/> in one call. Each layer
    /// uses the slope of the next activation after it in module order (a PReLU's mean α, a Leaky slope, 0 for ReLU);
    /// a layer with no activation after it (the output layer) uses a = 1, i.e. std = sqrt(1 / fan_in).
    /// </summary>
    /// <param name="model">The model; its weights are overwritten in place.</param>
    /// <param name="slopeOf">
    /// The slope for a non-PReLU activation module, or null when the module is not an activation.
    /// Defaults to <see cref="DefaultSlope"/>.
    /// </param>
    /// <param name="generator">The random source; pass a seeded one for reproducible weights.</param>
    public static void Apply(nn.Module model, Func<nn.Module, double?>? slopeOf = null, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        slopeOf ??= DefaultSlope;
        var modules = model.modules().ToList();
        using var noGrad = no_grad();
        for (var i = 0; i < modules.Count; i++)
        {
            if (WeightAndFanIn(modules[i]) is not var (weight, bias, fanIn))
            {
                continue;
            }

            var slope = SlopeAfter(modules, i, slopeOf);
            weight.normal_(0, Std(fanIn, slope), generator);
            bias?.zero_();
        }
    }

    /// <summary>The rule for <see cref="Apply"/>: every activation counts as <paramref name="fixedSlope"/>, or its own slope when null.</summary>
    public static Func<nn.Module, double?> SlopeRule(double? fixedSlope) =>
        fixedSlope is { } slope ? m => ActivationModules.IsActivation(m) ? slope : null : DefaultSlope;

    /// <summary>The slope <see cref="ActivationModules.NegativeSlope"/> gives; null for modules that are not activations.</summary>
    public static double? DefaultSlope(nn.Module module) => ActivationModules.NegativeSlope(module);

    /// <summary>The slope of the first activation after module <paramref name="index"/>, or 1 when a weight layer or the end comes first.</summary>
    private static double SlopeAfter(List<nn.Module> modules, int index, Func<nn.Module, double?> slopeOf)
    {
        foreach (var next in modules.Skip(index + 1))
        {
            if (slopeOf(next) is { } slope)
            {
                return slope;
            }

            if (WeightAndFanIn(next) is not null)
            {
                break;
            }
        }

        return 1.0;
    }

    private static (Tensor Weight, Tensor? Bias, long FanIn)? WeightAndFanIn(nn.Module module) => module switch
    {
        Linear linear => (linear.weight!, linear.bias, linear.in_features),
        SingleChannelConv2d conv => (conv.Weight, conv.Bias, 9),
        Conv1d or Conv2d or Conv3d => (
            module.get_parameter("weight")!,
            module.get_parameter("bias"),
            module.get_parameter("weight")!.shape.Skip(1).Aggregate(1L, (a, b) => a * b)),
        _ => null,
    };
}
