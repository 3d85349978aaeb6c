using PReluKit.Activations;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PReluKit.Models;

/// <summary>
/// A deep plain CNN in the style of VGG, where He et al. (2015) saw PReLU's gain: blocks of <see cref="ConvsPerBlock"/> 3×3
/// convolutions (padding 1), each followed by the activation, and 2×2 max pooling after every block but the last, then
/// <c>flatten → out</c>, one linear classifier. No normalisation and no skip connections, so the weights' initial scale
/// alone carries the signal through the depth. Layers are <c>conv1</c>, <c>conv1_act</c>, …, <c>pool1</c>, …, <c>out</c>;
/// channel-wise PReLU gets one α per conv channel. As in <see cref="SmallCnn"/>, pooling is <see cref="FastMaxPool2d"/> and
/// the first convolution on one-channel images is <see cref="SingleChannelConv2d"/>.
/// </summary>
public static class PlainCnn
{
    /// <summary>
    /// The channels of each block when none are given: 8, 16, 32, 64, i.e. eight conv layers on 28×28, 14×14, 7×7 and 3×3
    /// maps. Narrow so that a full-set epoch costs about twice the small CNN's (data/recorded/README.md, "Planned").
    /// </summary>
    public static IReadOnlyList<int> DefaultChannels { get; } = [8, 16, 32, 64];

    /// <summary>Convolutions in each block.</summary>
    public const int ConvsPerBlock = 2;

    /// <summary>
    /// The units of each activation layer, in order: every block's channels, <see cref="ConvsPerBlock"/> times.
    /// </summary>
    /// <param name="channels">Channels per block; <see cref="DefaultChannels"/> when null.</param>
    public static IReadOnlyList<int> ActivationUnits(IReadOnlyList<int>? channels) =>
        [.. (channels ?? DefaultChannels).SelectMany(c => Enumerable.Repeat(c, ConvsPerBlock))];

    /// <summary>Builds the CNN and applies He initialisation with <paramref name="generator"/>.</summary>
    /// <param name="activation">The activation after every convolution.</param>
    /// <param name="inChannels">Image channels (1 for Fashion-MNIST).</param>
    /// <param name="imageSize">Image height and width (28 for Fashion-MNIST); must stay ≥ 1 after every pooling.</param>
    /// <param name="channels">Channels of each block; <see cref="DefaultChannels"/> when null.</param>
    /// <param name="classes">Output classes.</param>
    /// <param name="generator">Random source for the weights; seed it for reproducible models.</param>
    /// <param name="initSlope">As for <see cref="SmallCnn.Create"/>: every layer initialised for this slope, or for its own activation's when null.</param>
    /// <exception cref="ArgumentException">A non-positive size, or too many blocks for the image size.</exception>
    public static Sequential Create(ActivationSpec activation, int inChannels = 1, int imageSize = 28, IReadOnlyList<int>? channels = null,
                                    int classes = 10, Generator? generator = null, double? initSlope = null)
    {
        ArgumentNullException.ThrowIfNull(activation);
        Native.TorchNative.EnsureLoaded();
        channels ??= DefaultChannels;
        Sizes.RequirePositive("PlainCnn", ("inChannels", inChannels), ("imageSize", imageSize), ("classes", classes));
        Sizes.RequirePositive("PlainCnn", channels.Select((c, i) => ($"channels[{i}]", c)).ToArray());
        var poolings = channels.Count - 1;
        if (channels.Count == 0 || imageSize >> poolings < 1)
        {
            throw new ArgumentException(
                $"PlainCnn: {channels.Count} blocks pool {Math.Max(poolings, 0)} times and need an image of at least {1 << Math.Max(poolings, 0)} pixels, got imageSize = {imageSize}.",
                nameof(channels));
        }

        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        var width = inChannels;
        var size = imageSize;
        var conv = 0;
        for (var block = 0; block < channels.Count; block++)
        {
            for (var i = 0; i < ConvsPerBlock; i++)
            {
                var name = $"conv{++conv}";
                layers.Add((name, width == 1
                    ? new SingleChannelConv2d(channels[block], name) // grey-scale images: the kit's weight gradient (see the class)
                    : nn.Conv2d(width, channels[block], kernel_size: 3, padding: 1)));
                layers.Add(($"{name}_act", activation.Create(channels[block], name: $"{name}_act")));
                width = channels[block];
            }

            if (block < poolings)
            {
                layers.Add(($"pool{block + 1}", new FastMaxPool2d(2, name: $"pool{block + 1}")));
                size /= 2;
            }
        }

        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("out", nn.Linear(width * size * size, classes)));
        var model = nn.Sequential(layers);
        HeInitialization.Apply(model, HeInitialization.SlopeRule(initSlope), generator);
        return model;
    }
}
