using System.ComponentModel;
using PReluKit.Activations;
using PReluKit.Cli.Rendering;
using PReluKit.Cli.Settings;
using PReluKit.Jobs;
using PReluKit.Reports;
using PReluKit.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary><c>prelu dead</c>: the dead-neuron report of one model and activation, at initialisation and after training.</summary>
internal sealed class DeadCommand : Command<DeadCommand.Settings>
{
    /// <summary>Options of <c>prelu dead</c>.</summary>
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("--activation <KEY>")]
        [Description("One activation key, e.g. relu, leaky:0.01, prelu.")]
        [DefaultValue("relu")]
        public string Activation { get; init; } = "relu";

        [CommandOption("--seed <SEED>")]
        [Description("Fixes weights and batch order.")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("Also write on-rate histograms per layer (at initialisation and after training) as offline HTML here.")]
        public string? Out { get; init; }

        public ActivationSpec ActivationSpec => OptionParsing.Activation("--activation", Activation);

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            Check.Parses(() => _ = ActivationSpec),
            Check.AtLeast("--seed", Seed, 0),
            .. Check.PageFile("--out", Out),
        ];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.StartTorch();
        var config = settings.TrainingConfig() with { Activation = settings.ActivationSpec };
        var dataset = settings.LoadData(cancellationToken);
        using var train = dataset.TrainTensors(config.InputLayout);
        using var test = dataset.TestTensors(config.InputLayout);
        var outcome = DeadUnitJob.Run(config, (ulong)settings.Seed, train, test, onRates: settings.Out is not null, cancellationToken);
        var run = outcome.Run;

        AnsiConsole.Write(Table(run.Epochs[0], $"{outcome.Name} at initialisation (test accuracy {run.Epochs[0].TestAccuracy:P1})"));
        AnsiConsole.Write(Table(run.Final, $"after {run.Final.Epoch} epochs at lr {config.LearningRate} (test accuracy {run.Final.TestAccuracy:P1})"));
        if (run.Diverged)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]The run {run.Outcome.Reason}; the last table is epoch {run.Final.Epoch}.[/]");
        }

        if (settings.Out is not null && outcome.Page() is { } report)
        {
            OutputFiles.WriteReport(report, settings.Out);
            AnsiConsole.MarkupLineInterpolated($"On-rate histograms: [link]{Path.GetFullPath(settings.Out)}[/]");
        }

        // A diverged run is a run failure here as in compare: scripts see one exit code per cause.
        return run.Diverged ? ExitCodes.RunFailure : ExitCodes.Success;
    }

    private static Table Table(EpochRecord epoch, string title) =>
        TerminalTable.Render(DeadNeuronTable.Of(title, epoch.Dead));
}
