using PReluKit.Activations;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PReluKit.Models;

/// <summary>
/// A multilayer perceptron for flattened images: <c>fc1 → fc1_act → fc2 → fc2_act → … → out</c>.
/// Layer names are stable so metrics and reports can refer to "fc1", "fc2_act", ….
/// </summary>
public static class Mlp
{
    /// <summary>The hidden widths used when none are given.</summary>
    public static IReadOnlyList<int> DefaultHidden { get; } = [256, 128];

    /// <summary>
    /// <see cref="Create"/> with weights fixed by <paramref name="seed"/>: the same seed gives the same model. (<see cref="Create"/>
    /// without a generator draws from libtorch's global generator, which other code moves.)
    /// </summary>
    /// <param name="activation">The activation after every hidden layer.</param>
    /// <param name="seed">Fixes every weight.</param>
    /// <param name="hidden">Hidden widths; <see cref="DefaultHidden"/> when null.</param>
    /// <param name="initSlope">As for <see cref="Create"/>.</param>
    public static Sequential CreateSeeded(ActivationSpec activation, ulong seed, IReadOnlyList<int>? hidden = null, double? initSlope = null)
    {
        Native.TorchNative.EnsureLoaded();
        using var generator = new Generator(seed);
        return Create(activation, hidden: hidden, generator: generator, initSlope: initSlope);
    }

    /// <summary>Builds the MLP and applies He initialisation with <paramref name="generator"/>.</summary>
    /// <param name="activation">The activation after every hidden layer (channel-wise PReLU gets one α per feature).</param>
    /// <param name="inputs">Input features (784 for 28×28 images).</param>
    /// <param name="hidden">Hidden widths; <see cref="DefaultHidden"/> when null.</param>
    /// <param name="classes">Output classes.</param>
    /// <param name="generator">Random source for the weights; seed it for reproducible models.</param>
    /// <param name="initSlope">
    /// When set, every layer is initialised as if followed by this slope, whatever the activation; comparisons use 0 so
    /// that all activations start from identical weights (the paired design). When null, each layer uses its own activation's slope.
    /// </param>
    /// <exception cref="ArgumentException">A non-positive size.</exception>
    public static Sequential Create(ActivationSpec activation, int inputs = 784, IReadOnlyList<int>? hidden = null,
                                    int classes = 10, Generator? generator = null, double? initSlope = null)
    {
        ArgumentNullException.ThrowIfNull(activation);
        Native.TorchNative.EnsureLoaded();
        hidden ??= DefaultHidden;
        Sizes.RequirePositive("Mlp", ("inputs", inputs), ("classes", classes));
        Sizes.RequirePositive("Mlp", hidden.Select((w, i) => ($"hidden[{i}]", w)).ToArray());

        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = inputs;
        for (var i = 0; i < hidden.Count; i++)
        {
            var name = $"fc{i + 1}";
            layers.Add((name, nn.Linear(width, hidden[i])));
            layers.Add(($"{name}_act", activation.Create(hidden[i], name: $"{name}_act")));
            width = hidden[i];
        }

        layers.Add(("out", nn.Linear(width, classes)));
        var model = nn.Sequential(layers);
        HeInitialization.Apply(model, HeInitialization.SlopeRule(initSlope), generator);
        return model;
    }
}
