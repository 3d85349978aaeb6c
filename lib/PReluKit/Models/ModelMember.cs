using PReluKit.Data;
using TorchSharp.Modules;

namespace PReluKit.Models;

/// <summary>One model of the <see cref="ModelFamily"/>: its key, the input it wants, how it is built and how it trains by default.</summary>
public sealed record ModelMember
{
    /// <summary>Which model.</summary>
    public required ModelKind Kind { get; init; }

    /// <summary>The name on the command line and in files: <c>mlp</c>, <c>cnn</c>.</summary>
    public required string Key { get; init; }

    /// <summary>How the model wants its images.</summary>
    public required ImageLayout InputLayout { get; init; }

    /// <summary>The input shape in words, for the error when data does not fit, e.g. <c>(N, features)</c>.</summary>
    public required string ExpectedInput { get; init; }

    /// <summary>Epochs of a comparison on the shipped subset.</summary>
    public required int DefaultEpochs { get; init; }

    /// <summary>The SGD (momentum 0.9) learning rate that trains every activation of the family stably on Fashion-MNIST.</summary>
    public required double SgdLearningRate { get; init; }

    /// <summary>Builds the model with He initialisation.</summary>
    public required Func<ModelBlueprint, Sequential> Create { get; init; }

    /// <summary>
    /// The units of each activation layer, in order, for the hidden widths and channels of a config (null: the builder's
    /// defaults): what a run's dead-unit counts must cover, one entry per layer (<c>fc1_act</c>, …).
    /// </summary>
    public required Func<IReadOnlyList<int>?, IReadOnlyList<int>?, IReadOnlyList<int>> ActivationUnits { get; init; }

    /// <summary>Dimensions of one batch of input, the batch axis included: 2 for flat images, 4 for N×C×H×W.</summary>
    public int InputRank => InputLayout == ImageLayout.Image ? 4 : 2;
}
