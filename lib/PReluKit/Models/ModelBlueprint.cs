using PReluKit.Activations;
using static TorchSharp.torch;

namespace PReluKit.Models;

/// <summary>What a <see cref="ModelMember"/> builds: the activation, the shape of one sample, the widths and the weights' random source.</summary>
/// <param name="Activation">The activation of every hidden layer.</param>
/// <param name="SampleShape">One sample's shape, without the batch axis: (features) for the MLP, (channels, height, width) for the CNN.</param>
/// <param name="Hidden">Hidden widths of the MLP; its default when null.</param>
/// <param name="Channels">Conv channels of the CNN (one per block: per layer for the small CNN, per pair of layers for the plain CNN); its default when null.</param>
/// <param name="Classes">Output classes.</param>
/// <param name="Generator">Random source for the weights; seed it for reproducible models.</param>
/// <param name="InitSlope">The slope every layer is initialised for; null for each activation's own (see <see cref="Mlp.Create"/>).</param>
public sealed record ModelBlueprint(ActivationSpec Activation, IReadOnlyList<long> SampleShape, IReadOnlyList<int>? Hidden = null,
                                   IReadOnlyList<int>? Channels = null, int Classes = 10, Generator? Generator = null, double? InitSlope = null);
