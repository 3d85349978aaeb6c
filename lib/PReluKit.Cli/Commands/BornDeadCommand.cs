using System.ComponentModel;
using System.Globalization;
using PReluKit.Cli.Settings;
using PReluKit.Metrics;
using PReluKit.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary><c>prelu born-dead</c>: the Monte Carlo grid of P(network constant at initialisation) per activation.</summary>
internal sealed class BornDeadCommand : Command<BornDeadCommand.Settings>
{
    /// <summary>Options of <c>prelu born-dead</c>.</summary>
    public sealed class Settings : ActivationSweepSettings
    {
        [CommandOption("--widths <LIST>")]
        [Description("Hidden-layer widths.")]
        [DefaultValue(BornDeadGrid.DefaultWidths)]
        public string Widths { get; init; } = BornDeadGrid.DefaultWidths;

        [CommandOption("--depths <LIST>")]
        [Description("Numbers of hidden layers.")]
        [DefaultValue(BornDeadGrid.DefaultDepths)]
        public string Depths { get; init; } = BornDeadGrid.DefaultDepths;

        [CommandOption("--trials <N>")]
        [OptionRange(1, 1_000_000)]
        [Description("Random initialisations per cell.")]
        [DefaultValue(BornDeadGrid.DefaultTrials)]
        public int Trials { get; init; } = BornDeadGrid.DefaultTrials;

        [CommandOption("--out <PATH>")]
        [Description("Also write the heatmaps as an offline HTML page here.")]
        public string? Out { get; init; }

        public BornDeadGrid Grid => new(OptionParsing.Integers("--widths", Widths, 1, 10_000), OptionParsing.Integers("--depths", Depths, 1, 1_000), Trials);

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            Check.Parses(() => _ = Grid),
            .. Check.PageFile("--out", Out),
        ];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var grid = settings.Grid;
        var all = new List<BornDeadCell>();
        foreach (var activation in settings.ActivationSpecs)
        {
            var cells = grid.Estimate([activation], (ulong)settings.Seed, cancellationToken);
            var table = new Table().Title($"P(born dead), {Markup.Escape(activation.DisplayName)}, {settings.Trials:N0} nets per cell (95 % Clopper–Pearson)")
                .AddColumn("depth \\ width");
            foreach (var width in grid.Widths)
            {
                table.AddColumn(new TableColumn($"{width}").RightAligned());
            }

            foreach (var depth in grid.Depths)
            {
                table.AddRow([$"{depth}", .. grid.Widths.Select(w => Cell(cells.Single(c => c.Width == w && c.Depth == depth)))]);
            }

            AnsiConsole.Write(table);
            all.AddRange(cells);
        }

        if (settings.Out is not null)
        {
            OutputFiles.WriteReport(BornDeadPage.Build(all), settings.Out);
            AnsiConsole.MarkupLineInterpolated($"Heatmaps: [link]{Path.GetFullPath(settings.Out)}[/]");
        }

        return ExitCodes.Success;
    }

    private static string Cell(BornDeadCell cell) => Markup.Escape(string.Create(CultureInfo.InvariantCulture,
        $"{cell.Probability.Proportion:0.000} [{cell.Probability.Lower:0.000}, {cell.Probability.Upper:0.000}]"));
}
