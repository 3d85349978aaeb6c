using System.ComponentModel;
using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Cli.Settings;
using PReluKit.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary><c>prelu plot activations</c>: f(x) and f′(x) of the family, the seed article's figure and PReLU over α, as offline HTML.</summary>
internal sealed class PlotActivationsCommand : Command<PlotActivationsCommand.Settings>
{
    /// <summary>Options of <c>prelu plot activations</c>.</summary>
    public sealed class Settings : KitSettings
    {
        [CommandOption("--activations <KEYS>")]
        [Description("Comma-separated activation keys with optional parameters (leaky:0.1, prelu:0.05, …).")]
        [DefaultValue("relu,leaky,prelu,rrelu,elu,selu")]
        public string Activations { get; init; } = "relu,leaky,prelu,rrelu,elu,selu";

        [CommandOption("--from <FROM>")]
        [Description("Left end of the x range.")]
        [DefaultValue(-3.0)]
        public double From { get; init; } = -3;

        [CommandOption("--to <TO>")]
        [Description("Right end of the x range.")]
        [DefaultValue(3.0)]
        public double To { get; init; } = 3;

        [CommandOption("--out <PATH>")]
        [Description("The HTML file to write.")]
        [DefaultValue("activations.html")]
        public string Out { get; init; } = "activations.html";

        public IReadOnlyList<ActivationSpec> ActivationSpecs => OptionParsing.Activations("--activations", Activations);

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            Check.Parses(() => _ = ActivationSpecs),
            From < To && Math.Abs(From) <= ActivationPlots.LargestAbsX && Math.Abs(To) <= ActivationPlots.LargestAbsX ? null
                : $"--from/--to: need numbers with from < to, each between -{ActivationPlots.LargestAbsX:0} and {ActivationPlots.LargestAbsX:0}, got [{From}, {To}].",
            .. Check.PageFile("--out", Out),
        ];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var specs = settings.ActivationSpecs;
        var report = new HtmlReport("The rectifier family: f(x) and f′(x)")
            .Chart(new ReportChart("Functions", PositiveSideReading(specs),
                ActivationPlots.Functions(specs, settings.From, settings.To)))
            .Chart(new ReportChart("Derivatives", "ReLU's gradient is 0 for every x ≤ 0 — a unit that never gets positive input stops learning; the others keep a gradient.",
                ActivationPlots.Derivatives(specs, settings.From, settings.To)))
            .Chart(new ReportChart("The seed article's figure", "Leaky ReLU fixes the negative slope at 0.01; PReLU learns it (here at 0.05).",
                ActivationPlots.SeedFigure()))
            .Chart(new ReportChart("PReLU over α", "α = 0 is ReLU, α = 0.01 is Leaky ReLU, α = 1 is the identity.",
                ActivationPlots.AlphaFamily([0, 0.01, 0.05, 0.25, 0.5, 1], settings.From, settings.To)));
        OutputFiles.WriteReport(report, settings.Out);

        AnsiConsole.MarkupLineInterpolated($"Wrote {report.ChartCount} charts to [link]{Path.GetFullPath(settings.Out)}[/]");
        return ExitCodes.Success;
    }

    /// <summary>Which members equal x for x &gt; 0 and which scale it (SELU: λ·x), read off f(1).</summary>
    private static string PositiveSideReading(IReadOnlyList<ActivationSpec> specs)
    {
        var scaled = specs.Where(s => Math.Abs(s.Value(1) - 1) > 1e-12).Select(s => $"{s.DisplayName} ({s.Value(1):0.####}·x)").ToList();
        return scaled.Count == 0
            ? "Every member shown equals x for x > 0; they differ only on the negative side."
            : $"For x > 0 every member shown equals x except {string.Join(", ", scaled)}; the rest of the difference is on the negative side.";
    }
}
