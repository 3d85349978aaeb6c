using System.ComponentModel;
using PReluKit.Charts;
using PReluKit.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary><c>prelu plot activations</c>: f(x) and f′(x) of the family, the seed article's figure and PReLU over α, as offline HTML.</summary>
internal sealed class PlotActivationsCommand : Command<PlotActivationsCommand.Settings>
{
    /// <summary>Options of <c>prelu plot activations</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--activations")]
        [Description("Comma-separated activation keys with optional parameters (leaky:0.1, prelu:0.05, …).")]
        [DefaultValue("relu,leaky,prelu,rrelu,elu,selu")]
        public string Activations { get; init; } = "relu,leaky,prelu,rrelu,elu,selu";

        [CommandOption("--from")]
        [Description("Left end of the x range.")]
        [DefaultValue(-3.0)]
        public double From { get; init; } = -3;

        [CommandOption("--to")]
        [Description("Right end of the x range.")]
        [DefaultValue(3.0)]
        public double To { get; init; } = 3;

        [CommandOption("--out")]
        [Description("The HTML file to write.")]
        [DefaultValue("activations.html")]
        public string Out { get; init; } = "activations.html";

        public override ValidationResult Validate()
        {
            return CommandOptions.ActivationsError(Activations) is { } error ? error
                : !(From < To) || !double.IsFinite(From) || !double.IsFinite(To)
                ? ValidationResult.Error($"--from/--to: need finite numbers with from < to, got [{From}, {To}].")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var specs = CommandOptions.ParseActivations(settings.Activations);
        var report = new HtmlReport("The rectifier family: f(x) and f′(x)")
            .Chart(new ReportChart("Functions", "Every member equals x for x > 0; they differ only on the negative side.",
                ActivationPlots.Functions(specs, settings.From, settings.To)))
            .Chart(new ReportChart("Derivatives", "ReLU's gradient is 0 for every x ≤ 0 — a unit that never gets positive input stops learning; the others keep a gradient.",
                ActivationPlots.Derivatives(specs, settings.From, settings.To)))
            .Chart(new ReportChart("The seed article's figure", "Leaky ReLU fixes the negative slope at 0.01; PReLU learns it (here at 0.05).",
                ActivationPlots.SeedFigure()))
            .Chart(new ReportChart("PReLU over α", "α = 0 is ReLU, α = 0.01 is Leaky ReLU, α = 1 is the identity.",
                ActivationPlots.AlphaFamily([0, 0.01, 0.05, 0.25, 0.5, 1], settings.From, settings.To)));
        CommandOptions.WriteReport(report, settings.Out);

        AnsiConsole.MarkupLineInterpolated($"Wrote {report.ChartCount} charts to [link]{Path.GetFullPath(settings.Out)}[/]");
        return ExitCodes.Success;
    }
}
