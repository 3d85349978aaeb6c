using System.ComponentModel;
using System.Globalization;
using PReluKit.Charts;
using PReluKit.Data;
using PReluKit.Metrics;
using PReluKit.Reports;
using PReluKit.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary><c>prelu dead</c>: the dead-neuron report of one model and activation, at initialisation and after training.</summary>
internal sealed class DeadCommand : Command<DeadCommand.Settings>
{
    /// <summary>Options of <c>prelu dead</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model")]
        [Description("mlp or cnn.")]
        [DefaultValue("mlp")]
        public string Model { get; init; } = "mlp";

        [CommandOption("--activation")]
        [Description("One activation key, e.g. relu, leaky:0.01, prelu.")]
        [DefaultValue("relu")]
        public string Activation { get; init; } = "relu";

        [CommandOption("--epochs")]
        [Description("Training epochs before the second report.")]
        [DefaultValue(3)]
        public int Epochs { get; init; } = 3;

        [CommandOption("--lr")]
        [Description("SGD learning rate (a large one, e.g. 0.2, leaves many ReLU units dormant).")]
        public double? LearningRate { get; init; }

        [CommandOption("--seed")]
        [Description("Fixes weights and batch order.")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        [CommandOption("--out")]
        [Description("Also write on-rate histograms per layer (at initialisation and after training) as offline HTML here.")]
        public string? Out { get; init; }

        [CommandOption("--data")]
        [Description("subset (shipped), full, or a folder with the four IDX files.")]
        [DefaultValue("subset")]
        public string Data { get; init; } = "subset";

        public override ValidationResult Validate()
        {
            try
            {
                _ = Activations.ActivationSpec.Parse(Activation);
            }
            catch (ArgumentException e)
            {
                return ValidationResult.Error($"--activation: {ExitCodes.MessageOf(e)}");
            }

            return CommandOptions.ModelError(Model) is { } modelError ? modelError
                : Epochs < 1 ? ValidationResult.Error($"--epochs: must be ≥ 1, got {Epochs}.")
                : LearningRate is { } lr && !(lr > 0 && double.IsFinite(lr)) ? ValidationResult.Error($"--lr: must be a positive number, got {lr}.")
                : Seed < 0 ? ValidationResult.Error($"--seed: must be ≥ 0, got {Seed}.")
                : CommandOptions.DataError(Data) ?? ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var model = settings.Model == "cnn" ? ModelKind.Cnn : ModelKind.Mlp;
        var config = new TrainingConfig
        {
            Model = model,
            Activation = Activations.ActivationSpec.Parse(settings.Activation),
            Epochs = settings.Epochs,
            LearningRate = settings.LearningRate ?? TrainingConfig.DefaultLearningRate(model),
        };
        var dataset = FashionMnist.Load(settings.Data);
        var layout = model == ModelKind.Cnn ? ImageLayout.Image : ImageLayout.Flat;
        using var train = dataset.TrainTensors(layout);
        using var test = dataset.TestTensors(layout);
        DeadNeuronReport? initial = null;
        if (settings.Out is not null)
        {
            using var untrained = Trainer.Build(config, (ulong)settings.Seed, train);
            initial = DeadNeuronReport.Measure(untrained, train);
        }

        using var trained = Trainer.Train(config, (ulong)settings.Seed, train, test, cancellationToken: cancellationToken);
        var run = trained.Result;

        AnsiConsole.Write(Report(run.Epochs[0], $"{config.Activation.DisplayName} {model} at initialisation (test accuracy {run.Epochs[0].TestAccuracy:P1})"));
        AnsiConsole.Write(Report(run.Final, $"after {run.Final.Epoch} epochs at lr {config.LearningRate} (test accuracy {run.Final.TestAccuracy:P1})"));
        if (run.Diverged)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]The loss became NaN or infinite in epoch {run.DivergedAtEpoch}; the last table is the epoch before.[/]");
        }

        if (settings.Out is not null && initial is not null)
        {
            var final = DeadNeuronReport.Measure(trained.Model, train);
            var name = config.Activation.DisplayName;
            var report = new HtmlReport($"Dead and dormant units: {name} {model}")
                .Chart(new ReportChart("At initialisation", $"At initialisation the mean on-rate per layer is {string.Join(", ", initial.Layers.Select(l => $"{l.Layer} {l.MeanOnRate:0.00}"))}.",
                    DeadPlots.OnRates(initial, $"On-rates per unit at initialisation, {name}")))
                .Chart(new ReportChart("After training", $"After {run.Final.Epoch} epochs: {string.Join(", ", final.Layers.Select(l => $"{l.Layer} {l.DeadUnits} dead, mean on-rate {l.MeanOnRate:0.00}"))}.",
                    DeadPlots.OnRates(final, $"On-rates per unit after {run.Final.Epoch} epochs, {name}")));
            CommandOptions.WriteReport(report, settings.Out);
            AnsiConsole.MarkupLineInterpolated($"On-rate histograms: [link]{Path.GetFullPath(settings.Out)}[/]");
        }

        return ExitCodes.Success;
    }

    private static Table Report(EpochRecord epoch, string title)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumn("layer").AddColumn(new TableColumn("units").RightAligned())
            .AddColumn(new TableColumn("dead").RightAligned()).AddColumn(new TableColumn("dead %").RightAligned());
        foreach (var tau in DeadNeuronReport.Taus)
        {
            table.AddColumn(new TableColumn($"dormant τ={DeadNeuronReport.TauKey(tau)}").RightAligned());
        }

        table.AddColumn(new TableColumn("mean on-rate").RightAligned());
        foreach (var layer in epoch.Dead)
        {
            table.AddRow([
                layer.Layer, $"{layer.Units}", $"{layer.DeadUnits}", layer.DeadPercent.ToString("0.0", CultureInfo.InvariantCulture),
                .. DeadNeuronReport.Taus.Select(t => $"{layer.Dormant[DeadNeuronReport.TauKey(t)]}"),
                layer.MeanOnRate.ToString("0.000", CultureInfo.InvariantCulture),
            ]);
        }

        return table;
    }
}
