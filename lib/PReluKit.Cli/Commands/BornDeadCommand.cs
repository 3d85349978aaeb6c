using System.ComponentModel;
using System.Globalization;
using PReluKit.Charts;
using PReluKit.Metrics;
using PReluKit.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary><c>prelu born-dead</c>: the Monte Carlo grid of P(network constant at initialisation) per activation.</summary>
internal sealed class BornDeadCommand : Command<BornDeadCommand.Settings>
{
    /// <summary>Options of <c>prelu born-dead</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--activations")]
        [Description("Comma-separated activation keys.")]
        [DefaultValue("relu,leaky,prelu")]
        public string Activations { get; init; } = "relu,leaky,prelu";

        [CommandOption("--widths")]
        [Description("Hidden-layer widths.")]
        [DefaultValue("2,3,4,6,10")]
        public string Widths { get; init; } = "2,3,4,6,10";

        [CommandOption("--depths")]
        [Description("Numbers of hidden layers.")]
        [DefaultValue("2,5,10,20,50")]
        public string Depths { get; init; } = "2,5,10,20,50";

        [CommandOption("--trials")]
        [Description("Random initialisations per cell.")]
        [DefaultValue(1000)]
        public int Trials { get; init; } = 1000;

        [CommandOption("--seed")]
        [Description("Fixes every weight.")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        [CommandOption("--out")]
        [Description("Also write the heatmaps as an offline HTML page here.")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            try
            {
                _ = CommandOptions.ParseActivations(Activations);
                _ = OptionLists.Integers("--widths", Widths, 1, 10_000);
                _ = OptionLists.Integers("--depths", Depths, 1, 1_000);
            }
            catch (ArgumentException e)
            {
                return ValidationResult.Error(e.Message.StartsWith("--", StringComparison.Ordinal) ? e.Message : $"--activations: {ExitCodes.MessageOf(e)}");
            }

            return Trials is < 1 or > 1_000_000 ? ValidationResult.Error($"--trials: must be between 1 and 1000000, got {Trials}.")
                : Seed < 0 ? ValidationResult.Error($"--seed: must be ≥ 0, got {Seed}.")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var activations = CommandOptions.ParseActivations(settings.Activations);
        var widths = OptionLists.Integers("--widths", settings.Widths, 1, 10_000);
        var depths = OptionLists.Integers("--depths", settings.Depths, 1, 1_000);
        var report = settings.Out is null ? null : new HtmlReport("Born-dead networks at initialisation");
        foreach (var activation in activations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cells = BornDead.Grid([activation], widths, depths, settings.Trials, (ulong)settings.Seed);
            var table = new Table().Title($"P(born dead), {Markup.Escape(activation.DisplayName)}, {settings.Trials:N0} nets per cell (95 % Clopper–Pearson)")
                .AddColumn("depth \\ width");
            foreach (var width in widths)
            {
                table.AddColumn(new TableColumn($"{width}").RightAligned());
            }

            foreach (var depth in depths)
            {
                table.AddRow([$"{depth}", .. widths.Select(w => Cell(cells.Single(c => c.Width == w && c.Depth == depth)))]);
            }

            AnsiConsole.Write(table);
            var worst = cells.MaxBy(c => c.Probability.Proportion)!;
            report?.Chart(new ReportChart(activation.DisplayName,
                $"{activation.DisplayName}: the highest P(born dead) is {worst.Probability.Proportion:P1} (width {worst.Width}, depth {worst.Depth}).",
                BornDeadPlots.Heatmap(cells, activation.DisplayName)));
        }

        if (report is not null && settings.Out is not null)
        {
            CommandOptions.WriteReport(report, settings.Out);
            AnsiConsole.MarkupLineInterpolated($"Heatmaps: [link]{Path.GetFullPath(settings.Out)}[/]");
        }

        return ExitCodes.Success;
    }

    private static string Cell(BornDeadCell cell) => Markup.Escape(string.Create(CultureInfo.InvariantCulture,
        $"{cell.Probability.Proportion:0.000} [{cell.Probability.Lower:0.000}, {cell.Probability.Upper:0.000}]"));
}
