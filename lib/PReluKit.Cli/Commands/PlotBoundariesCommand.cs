using System.ComponentModel;
using PReluKit.Charts;
using PReluKit.Cli.Settings;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Reports;
using PReluKit.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary><c>prelu plot boundaries</c>: small nets with each activation trained on a 2-D set, their decision boundaries as offline HTML.</summary>
internal sealed class PlotBoundariesCommand : Command<PlotBoundariesCommand.Settings>
{
    /// <summary>Options of <c>prelu plot boundaries</c>.</summary>
    public sealed class Settings : ActivationSweepSettings
    {
        [CommandOption("--dataset <NAME>")]
        [Description("spirals, circles, moons or checkerboard.")]
        [DefaultValue("spirals")]
        public string Dataset { get; init; } = "spirals";

        [CommandOption("--epochs <N>")]
        [OptionRange(1, 10_000)]
        [Description("Training epochs (Adam, 1,000 points, batch 64).")]
        [DefaultValue(60)]
        public int Epochs { get; init; } = 60;

        [CommandOption("--out <PATH>")]
        [Description("The HTML file to write.")]
        [DefaultValue("boundaries.html")]
        public string Out { get; init; } = "boundaries.html";

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            Dataset is "spirals" or "circles" or "moons" or "checkerboard" ? null
                : $"--dataset: '{Dataset}' is not one of: spirals, circles, moons, checkerboard.",
            .. Check.PageFile("--out", Out),
        ];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        LabeledTensors Make(int count, int seed) => settings.Dataset switch
        {
            "circles" => Synthetic2D.Circles(count, 0.08, seed),
            "moons" => Synthetic2D.Moons(count, 0.1, seed),
            "checkerboard" => Synthetic2D.Checkerboard(count, 0, seed),
            _ => Synthetic2D.TwoSpirals(count, 0.04, seed),
        };

        using var train = Make(1000, settings.Seed);
        using var test = Make(500, settings.Seed + 1);
        var report = new HtmlReport($"Decision boundaries on {settings.Dataset}");
        foreach (var activation in settings.ActivationSpecs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var config = TrainingConfig.For(ModelKind.Mlp, OptimizerKind.Adam) with
            {
                Activation = activation, Hidden = [32, 32, 32], Classes = 2, Epochs = settings.Epochs, BatchSize = 64, LearningRate = 0.01,
            };
            using var trained = Trainer.Train(config, (ulong)settings.Seed, train, test, cancellationToken: cancellationToken);
            var accuracy = trained.Result.Final.TestAccuracy;
            report.Chart(new ReportChart(activation.DisplayName,
                $"{activation.DisplayName}: {accuracy:P1} test accuracy after {trained.Result.Final.Epoch} epochs.",
                DecisionBoundaryPlots.Boundary(trained.Model, test, $"{activation.DisplayName} on {settings.Dataset} (test {accuracy:P1})")));
            AnsiConsole.MarkupLineInterpolated($"  {activation.DisplayName}: test accuracy {accuracy:P1}");
        }

        OutputFiles.WriteReport(report, settings.Out);

        AnsiConsole.MarkupLineInterpolated($"Wrote {report.ChartCount} charts to [link]{Path.GetFullPath(settings.Out)}[/]");
        return ExitCodes.Success;
    }
}
