using PReluKit.Data;

namespace PReluKit.Models;

/// <summary>
/// The models the harness trains, as one table in the image of <see cref="Activations.ActivationFamily"/>: every other part
/// of the kit (training configs, the trainer, the benchmarks' FLOP counts, the CLI) reads each model's facts here.
/// </summary>
public static class ModelFamily
{
    /// <summary>Every member, MLP first.</summary>
    public static IReadOnlyList<ModelMember> Members { get; } =
    [
        new()
        {
            Kind = ModelKind.Mlp, Key = "mlp", InputLayout = ImageLayout.Flat, ExpectedInput = "(N, features)",
            DefaultEpochs = 8, SgdLearningRate = 0.05,
            Create = b => Mlp.Create(b.Activation, inputs: (int)b.SampleShape[0], hidden: b.Hidden, classes: b.Classes,
                                     generator: b.Generator, initSlope: b.InitSlope),
            ActivationUnits = (hidden, _) => hidden ?? Mlp.DefaultHidden,
        },
        new()
        {
            // PReLU CNNs diverged in their first epoch at the MLP's 0.05; every activation trained at 0.02 and 0.01.
            Kind = ModelKind.Cnn, Key = "cnn", InputLayout = ImageLayout.Image, ExpectedInput = "(N, channels, height, width)",
            DefaultEpochs = 3, SgdLearningRate = 0.02,
            Create = b => SmallCnn.Create(b.Activation, inChannels: (int)b.SampleShape[0], imageSize: (int)b.SampleShape[1],
                                          channels: b.Channels, classes: b.Classes, generator: b.Generator, initSlope: b.InitSlope),
            ActivationUnits = (_, channels) => [.. channels ?? SmallCnn.DefaultChannels, SmallCnn.DefaultHidden],
        },
        new()
        {
            // VGG's starting rate (Simonyan & Zisserman 2015, SGD with momentum 0.9), half the small CNN's for eight plain layers;
            // the recording's learning-curve pilot checks it (data/recorded/README.md, "Planned").
            Kind = ModelKind.PlainCnn, Key = "plaincnn", InputLayout = ImageLayout.Image, ExpectedInput = "(N, channels, height, width)",
            DefaultEpochs = 3, SgdLearningRate = 0.01,
            Create = b => PlainCnn.Create(b.Activation, inChannels: (int)b.SampleShape[0], imageSize: (int)b.SampleShape[1],
                                          channels: b.Channels, classes: b.Classes, generator: b.Generator, initSlope: b.InitSlope),
            ActivationUnits = (_, channels) => PlainCnn.ActivationUnits(channels),
        },
    ];

    /// <summary>The member of <paramref name="kind"/>.</summary>
    public static ModelMember Of(ModelKind kind) =>
        Members.FirstOrDefault(m => m.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a model of the family.");
}
