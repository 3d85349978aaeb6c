using PReluKit.Activations;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PReluKit.Models;

/// <summary>
/// A small CNN for N×C×H×W images: blocks <c>convK → convK_act → poolK</c> (3×3 convolution, padding 1, 2×2 max
/// pooling), then <c>flatten → fc1 → fc1_act → out</c>. Channel-wise PReLU gets one α per conv channel. Pooling is
/// <see cref="FastMaxPool2d"/>: <c>nn.MaxPool2d</c>'s values and gradients, without its scalar CPU loop; on one-channel
/// images the first convolution is <see cref="SingleChannelConv2d"/> (libtorch's forward, a faster weight gradient).
/// </summary>
public static class SmallCnn
{
    /// <summary>The conv channel counts used when none are given.</summary>
    public static IReadOnlyList<int> DefaultChannels { get; } = [16, 32];

    /// <summary>The width of the dense layer before the output when none is given.</summary>
    public const int DefaultHidden = 128;

    /// <summary>
    /// <see cref="Create"/> with weights fixed by <paramref name="seed"/>: the same seed gives the same model. (<see cref="Create"/>
    /// without a generator draws from libtorch's global generator, which other code moves.)
    /// </summary>
    /// <param name="activation">The activation after every convolution and the hidden dense layer.</param>
    /// <param name="seed">Fixes every weight.</param>
    /// <param name="channels">Channels of the convolutions; <see cref="DefaultChannels"/> when null.</param>
    /// <param name="initSlope">As for <see cref="Create"/>.</param>
    public static Sequential CreateSeeded(ActivationSpec activation, ulong seed, IReadOnlyList<int>? channels = null, double? initSlope = null)
    {
        Native.TorchNative.EnsureLoaded();
        using var generator = new Generator(seed);
        return Create(activation, channels: channels, generator: generator, initSlope: initSlope);
    }

    /// <summary>Builds the CNN and applies He initialisation with <paramref name="generator"/>.</summary>
    /// <param name="activation">The activation after every conv and hidden dense layer.</param>
    /// <param name="inChannels">Image channels (1 for Fashion-MNIST).</param>
    /// <param name="imageSize">Image height and width (28 for Fashion-MNIST); must stay ≥ 1 after every pooling.</param>
    /// <param name="channels">Conv channels per block (2–3 blocks are typical); <see cref="DefaultChannels"/> when null.</param>
    /// <param name="hidden">Width of the dense layer before the output (<see cref="DefaultHidden"/>).</param>
    /// <param name="classes">Output classes.</param>
    /// <param name="generator">Random source for the weights; seed it for reproducible models.</param>
    /// <param name="initSlope">
    /// When set, every layer is initialised as if followed by this slope, whatever the activation; comparisons use 0 so
    /// that all activations start from identical weights (the paired design). When null, each layer uses its own activation's slope.
    /// </param>
    /// <exception cref="ArgumentException">A non-positive size, or too many blocks for the image size.</exception>
    public static Sequential Create(ActivationSpec activation, int inChannels = 1, int imageSize = 28,
                                    IReadOnlyList<int>? channels = null, int hidden = DefaultHidden, int classes = 10,
                                    Generator? generator = null, double? initSlope = null)
    {
        ArgumentNullException.ThrowIfNull(activation);
        Native.TorchNative.EnsureLoaded();
        channels ??= DefaultChannels;
        Sizes.RequirePositive("SmallCnn", ("inChannels", inChannels), ("imageSize", imageSize), ("hidden", hidden), ("classes", classes));
        Sizes.RequirePositive("SmallCnn", channels.Select((c, i) => ($"channels[{i}]", c)).ToArray());
        if (channels.Count == 0 || imageSize >> channels.Count < 1)
        {
            throw new ArgumentException(
                $"SmallCnn: {channels.Count} conv blocks need an image of at least {1 << Math.Max(channels.Count, 1)} pixels, got imageSize = {imageSize}.",
                nameof(channels));
        }

        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = inChannels;
        var size = imageSize;
        for (var i = 0; i < channels.Count; i++)
        {
            var name = $"conv{i + 1}";
            layers.Add((name, width == 1
                ? new SingleChannelConv2d(channels[i], name) // grey-scale images: the kit's weight gradient (see the class)
                : nn.Conv2d(width, channels[i], kernel_size: 3, padding: 1)));
            layers.Add(($"{name}_act", activation.Create(channels[i], name: $"{name}_act")));
            layers.Add(($"pool{i + 1}", new FastMaxPool2d(2, name: $"pool{i + 1}")));
            width = channels[i];
            size /= 2;
        }

        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("fc1", nn.Linear(width * size * size, hidden)));
        layers.Add(("fc1_act", activation.Create(hidden, name: "fc1_act")));
        layers.Add(("out", nn.Linear(hidden, classes)));
        var model = nn.Sequential(layers);
        HeInitialization.Apply(model, HeInitialization.SlopeRule(initSlope), generator);
        return model;
    }
}
