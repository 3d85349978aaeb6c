using System.Text.Json.Serialization;
using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Models;

namespace PReluKit.Training;

/// <summary>
/// Everything that determines one training run (with the seed). <see cref="For"/> is the only way to one, so a config
/// always starts from its model's epochs and learning rate: the model is fixed there, and a <c>with</c> changes the rest.
/// </summary>
public sealed record TrainingConfig
{
    /// <summary>The learning rate with Adam, its usual default, for every model.</summary>
    public const double AdamLearningRate = 0.001;

    // For and the JSON reader are the only callers: a config built field by field could pair the CNN with the MLP's
    // learning rate, which diverges for PReLU CNNs.
    [JsonConstructor]
    internal TrainingConfig()
    {
    }

    /// <summary>MLP, CNN or plain CNN; set by <see cref="For"/>.</summary>
    [JsonInclude]
    public ModelKind Model { get; internal init; }

    /// <summary>The model's entry in <see cref="ModelFamily"/>.</summary>
    [JsonIgnore]
    public ModelMember Member => ModelFamily.Of(Model);

    /// <summary>How the model wants its images: flat for the MLP, N×1×H×W for the CNN.</summary>
    [JsonIgnore]
    public ImageLayout InputLayout => Member.InputLayout;

    /// <summary>The activation of every hidden layer.</summary>
    public ActivationSpec Activation { get; init; } = ActivationSpec.ReLU();

    /// <summary>Training epochs.</summary>
    public int Epochs { get; init; }

    /// <summary>Samples per mini-batch.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>SGD (with momentum) or Adam.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; init; }

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay on the weights.</summary>
    public double WeightDecay { get; init; }

    /// <summary>Also decay PReLU's α (off by default, as He et al. advise; on for the ablation).</summary>
    public bool DecayAlpha { get; init; }

    /// <summary>Output classes (10 for Fashion-MNIST, 2 for the synthetic 2-D sets).</summary>
    public int Classes { get; init; } = 10;

    /// <summary>Hidden widths of the MLP; the builder's default when null.</summary>
    public IReadOnlyList<int>? Hidden { get; init; }

    /// <summary>Conv channels of the CNNs, one per block (<see cref="ModelBlueprint.Channels"/>); the builder's default when null.</summary>
    public IReadOnlyList<int>? Channels { get; init; }

    /// <summary>
    /// The initial bias of every hidden layer (0, as He et al.). A negative value is the "bad bias init" that kills
    /// ReLU units before training starts.
    /// </summary>
    public double HiddenBiasInit { get; init; }

    /// <summary>
    /// The He gain the weight layers start from: ReLU's for every activation (the default) or each activation's own.
    /// Written only when not the default, so the settings of runs stored before the choice existed, and with them their
    /// comparison's key and run file names, stay what they were; a stored config without it reads as <see cref="InitGain.Relu"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public InitGain InitGain { get; init; }

    /// <summary>Training samples the per-epoch dead-neuron pass covers; 0 means all.</summary>
    public int DeadSampleLimit { get; init; }

    /// <summary>The largest learning rate or weight decay: libtorch's optimisers hold them in single precision.</summary>
    public const double LargestRate = float.MaxValue;

    /// <summary>
    /// The configuration of <paramref name="model"/> with its default epochs and, for <paramref name="optimizer"/>, its learning
    /// rate: the member's SGD rate (<see cref="ModelMember.SgdLearningRate"/>) or <see cref="AdamLearningRate"/>.
    /// </summary>
    public static TrainingConfig For(ModelKind model, OptimizerKind optimizer = OptimizerKind.Sgd)
    {
        var member = ModelFamily.Of(model);
        return new()
        {
            Model = model,
            Optimizer = optimizer,
            Epochs = member.DefaultEpochs,
            LearningRate = optimizer == OptimizerKind.Adam ? AdamLearningRate : member.SgdLearningRate,
        };
    }

    /// <summary>
    /// The most hidden layers an MLP may have. Every run records each layer every epoch (dead units, gradient norms, α) and
    /// the report draws each: at 20,000 layers the report ran for minutes and was never written. The course's deepest
    /// model has 12 hidden layers.
    /// </summary>
    public const int MostHiddenLayers = 100;

    /// <summary>Checks every field; throws an <see cref="ArgumentException"/> naming the first bad one.</summary>
    public TrainingConfig Validate()
    {
        void Require(bool ok, string name, string expected, object actual)
        {
            if (!ok)
            {
                throw new ArgumentException($"training config: {name} must be {expected}, got {actual}.", name);
            }
        }

        Require(Epochs >= 1, nameof(Epochs), "≥ 1", Epochs);
        Require(BatchSize >= 1, nameof(BatchSize), "≥ 1", BatchSize);
        Require(LearningRate is > 0 and <= LargestRate, nameof(LearningRate), $"a positive number ≤ {LargestRate:G9}", LearningRate);
        Require(Momentum is >= 0 and < 1, nameof(Momentum), "in [0, 1)", Momentum);
        Require(WeightDecay is >= 0 and <= LargestRate, nameof(WeightDecay), $"in [0, {LargestRate:G9}]", WeightDecay);
        Require(double.IsFinite(HiddenBiasInit), nameof(HiddenBiasInit), "a finite number", HiddenBiasInit);
        Require(Classes >= 2, nameof(Classes), "≥ 2", Classes);
        Require(DeadSampleLimit >= 0, nameof(DeadSampleLimit), "≥ 0", DeadSampleLimit);
        Require(Hidden is null || Hidden.Count <= MostHiddenLayers, nameof(Hidden), $"at most {MostHiddenLayers} layers", $"{Hidden?.Count} layers");
        return this;
    }
}
