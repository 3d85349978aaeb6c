using System.ComponentModel;
using PReluKit.Models;
using PReluKit.Training;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Settings;

/// <summary>Options of commands that train the MLP or the CNN: model, optimiser and its settings, on top of data and threads.</summary>
internal class TrainingSettings : ComputeSettings
{
    [CommandOption("--model <MODEL>")]
    [Description("mlp, cnn (two conv layers) or plaincnn (eight conv layers, no normalisation).")]
    [DefaultValue("mlp")]
    public ModelKind Model { get; init; } = ModelKind.Mlp;

    [CommandOption("--epochs <N>")]
    [Description("Training epochs per run (default: 8 for mlp, 3 for cnn and plaincnn).")]
    public int? Epochs { get; init; }

    [CommandOption("--batch-size <N>")]
    [Description("Samples per mini-batch.")]
    [DefaultValue(128)]
    public int BatchSize { get; init; } = 128;

    [CommandOption("--optimizer <OPTIMIZER>")]
    [Description("sgd (with momentum 0.9) or adam.")]
    [DefaultValue("sgd")]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Sgd;

    [CommandOption("--lr <RATE>")]
    [Description("Learning rate (default: 0.05 for mlp, 0.02 for cnn, 0.01 for plaincnn with sgd; 0.001 with adam).")]
    public double? LearningRate { get; init; }

    [CommandOption("--weight-decay <DECAY>")]
    [Description("L2 weight decay on the weights.")]
    [DefaultValue(0.0)]
    public double WeightDecay { get; init; }

    [CommandOption("--weight-decay-alpha")]
    [Description("Also apply weight decay to PReLU's α (off by default, as He et al. advise).")]
    public bool WeightDecayAlpha { get; init; }

    [CommandOption("--hidden <WIDTHS>")]
    [Description("mlp only: comma-separated hidden widths, one per hidden layer (default: 256,128).")]
    public string? Hidden { get; init; }

    [CommandOption("--init <GAIN>")]
    [Description("He gain of the weights: he-relu (default; ReLU's for every activation, so all activations of a seed start from " +
                 "identical weights) or he-per-activation (√(2/(1+a²)) for each activation's slope a: Leaky's slope, PReLU's starting α).")]
    public string? Init { get; init; }

    [CommandOption("--dead-sample <N>")]
    [Description("Training images the per-epoch dead-unit pass covers (default: all).")]
    public int? DeadSample { get; init; }

    /// <summary>The parsed <c>--hidden</c> widths; null when not given.</summary>
    public IReadOnlyList<int>? HiddenWidths => Hidden is null ? null : OptionParsing.Integers("--hidden", Hidden, 1, 65536, distinct: false);

    /// <summary>The parsed <c>--init</c>; the config's default when not given.</summary>
    public InitGain? InitGain => Init is null ? null : OptionParsing.InitGain("--init", Init);

    /// <summary>The training configuration these options describe (the model's defaults where an option is not given).</summary>
    public TrainingConfig TrainingConfig()
    {
        var defaults = Training.TrainingConfig.For(Model, Optimizer);
        return (defaults with
        {
            Epochs = Epochs ?? defaults.Epochs,
            BatchSize = BatchSize,
            LearningRate = LearningRate ?? defaults.LearningRate,
            WeightDecay = WeightDecay,
            DecayAlpha = WeightDecayAlpha,
            DeadSampleLimit = DeadSample ?? 0,
            Hidden = HiddenWidths ?? defaults.Hidden,
            InitGain = InitGain ?? defaults.InitGain,
        }).Validate();
    }

    // The deepest MLP the kit records and reports (TrainingConfig.MostHiddenLayers), said in the option's words; a --hidden
    // that does not parse is the parse check's to report.
    private string? HiddenDepthProblem()
    {
        try
        {
            return HiddenWidths is { Count: > Training.TrainingConfig.MostHiddenLayers } widths
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"--hidden: at most {Training.TrainingConfig.MostHiddenLayers} hidden layers (each is recorded every epoch and drawn in the report), got {widths.Count:N0}.")
                : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    protected override IEnumerable<string?> Problems() =>
    [
        .. base.Problems(),
        Check.AtLeast("--epochs", Epochs, 1),
        Check.AtLeast("--batch-size", BatchSize, 1),
        Check.Positive("--lr", LearningRate, Training.TrainingConfig.LargestRate),
        Check.NonNegative("--weight-decay", WeightDecay, Training.TrainingConfig.LargestRate),
        Check.AtLeast("--dead-sample", DeadSample, 1),
        Check.Parses(() => _ = HiddenWidths),
        Check.Parses(() => _ = InitGain),
        HiddenDepthProblem(),
        Hidden is not null && Model != ModelKind.Mlp ? $"--hidden: sets the MLP's hidden widths; --model {Model.ToString().ToLowerInvariant()} takes none." : null,
    ];
}
