using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using PReluKit.Cli.Settings;
using PReluKit.IO;
using PReluKit.Notebooks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary>
/// <c>prelu notebooks render</c>: executes every notebook headless in an in-process .NET Interactive C# kernel (the kernel
/// Polyglot Notebooks runs; no separate tool) and writes the executed .ipynb and a standalone offline HTML page for each,
/// so the walkthrough reads in any browser.
/// </summary>
internal sealed class NotebooksRenderCommand : Command<NotebooksRenderCommand.Settings>
{
    /// <summary>Options of <c>prelu notebooks render</c>.</summary>
    public sealed class Settings : KitSettings
    {
        [CommandOption("--profile <PROFILE>")]
        [Description("quick, standard or full: how big the experiments are.")]
        [DefaultValue("standard")]
        public string Profile { get; init; } = "standard";

        [CommandOption("--only <TEXT>")]
        [Description("Render only the notebooks whose name contains this text.")]
        public string? Only { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("Output folder (default: results/notebooks).")]
        public string? Out { get; init; }

        [CommandOption("--from <PATH>")]
        [Description("Folder of the notebooks to render (default: notebooks/; it must sit beside lib/, as the setup cells reference ../lib).")]
        public string? From { get; init; }

        [CommandOption("--results <PATH>")]
        [Description("Where the notebooks keep their finished runs (default: results/).")]
        public string? Results { get; init; }

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            Profile is "quick" or "standard" or "full" ? null : $"--profile: '{Profile}' is not one of: quick, standard, full.",
            .. Check.OutputFolder("--out", Out, "an output folder"),
            Check.ExistingFolder("--from", From, "a folder of .ipynb notebooks"),
            Check.WritableFolder("--results", Results),
        ];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = FolderSearch.Upwards(dir => Directory.Exists(Path.Combine(dir, "notebooks")) && File.Exists(Path.Combine(dir, "PReluNotebooks.sln")))
                   ?? throw new InvalidOperationException(
                       "run this inside the PReluNotebooks repository: no notebooks/ folder beside a PReluNotebooks.sln was found above here.");
        var source = settings.From is null ? Path.Combine(root, "notebooks") : Path.GetFullPath(settings.From);
        var notebooks = Directory.GetFiles(source, "*.ipynb").Order(StringComparer.Ordinal)
            .Where(n => settings.Only is null || Path.GetFileName(n).Contains(settings.Only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (notebooks.Count == 0)
        {
            throw new ArgumentException(settings.Only is null || !Directory.EnumerateFiles(source, "*.ipynb").Any()
                ? $"--from: '{source}' holds no .ipynb notebook."
                : $"--only: no notebook in '{source}' has a name containing '{settings.Only}'.");
        }

        foreach (var notebook in notebooks)
        {
            _ = NotebookRunner.Load(notebook); // every notebook is readable before the first runs or anything is written
        }

        var output = Path.GetFullPath(settings.Out ?? Path.Combine(root, "results", "notebooks"));
        Directory.CreateDirectory(output);
        var environment = new Dictionary<string, string?>
        {
            [RunProfile.EnvironmentVariable] = settings.Profile,
            [RunProfile.ResultsVariable] = Path.GetFullPath(settings.Results ?? Path.Combine(root, "results")),
        };
        var table = new Table().Title($"Notebooks rendered with the {settings.Profile} profile → {Markup.Escape(output)}")
            .AddColumn("notebook").AddColumn("status").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("charts").RightAligned());
        var failed = 0;
        foreach (var notebook in notebooks)
        {
            var name = Path.GetFileNameWithoutExtension(notebook);
            var executed = Path.Combine(output, name + ".ipynb");
            var clock = Stopwatch.StartNew();
            var run = NotebookRunner.RunAsync(notebook, executed, environment, cancellationToken).GetAwaiter().GetResult();
            var json = File.ReadAllText(executed);
            NotebookPage.Build(JsonNode.Parse(json)!, name).Write(Path.Combine(output, name + ".html"));
            if (!run.Succeeded)
            {
                failed++;
                Console.Error.WriteLine($"{name}: {run}");
            }

            table.AddRow(name, Markup.Escape(run.Succeeded ? "ok" : $"cell {run.FailedCell} of {run.CodeCells} failed"), $"{clock.Elapsed.TotalSeconds:0}",
                         $"{CountCharts(json)}");
        }

        AnsiConsole.Write(table);
        return failed == 0 ? ExitCodes.Success : ExitCodes.RunFailure;
    }

    private static int CountCharts(string executedJson)
    {
        var count = 0;
        for (var at = executedJson.IndexOf("var renderPlotly_", StringComparison.Ordinal); at >= 0;
             at = executedJson.IndexOf("var renderPlotly_", at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
