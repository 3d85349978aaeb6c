using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using PReluKit.Cli.Rendering;
using PReluKit.Cli.Settings;
using PReluKit.IO;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary>
/// <c>prelu notebooks render</c>: executes every notebook headless (dotnet-repl, the same kernel as Polyglot Notebooks)
/// and writes the executed .ipynb and a standalone offline HTML page for each, so the walkthrough reads in any browser.
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

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            Profile is "quick" or "standard" or "full" ? null : $"--profile: '{Profile}' is not one of: quick, standard, full.",
            Check.NotBlank("--out", Out, "an output folder"),
        ];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = FolderSearch.Upwards(dir => Directory.Exists(Path.Combine(dir, "notebooks")) && File.Exists(Path.Combine(dir, ".config", "dotnet-tools.json")))
                   ?? throw new InvalidOperationException(
                       "run this inside the PReluNotebooks repository: no notebooks/ folder with a .config/dotnet-tools.json was found above here.");
        var notebooks = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .Where(n => settings.Only is null || Path.GetFileName(n).Contains(settings.Only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (notebooks.Count == 0)
        {
            throw new ArgumentException($"--only: no notebook name contains '{settings.Only}'.");
        }

        foreach (var dll in notebooks.SelectMany(NotebookPage.ReferencedAssemblies).Distinct(StringComparer.Ordinal).Where(d => !File.Exists(d)))
        {
            throw new InvalidOperationException($"the notebooks reference {dll}; build it first with: dotnet build PReluNotebooks.sln");
        }

        var output = Path.GetFullPath(settings.Out ?? Path.Combine(root, "results", "notebooks"));
        Directory.CreateDirectory(output);
        var table = new Table().Title($"Notebooks rendered with the {settings.Profile} profile → {Markup.Escape(output)}")
            .AddColumn("notebook").AddColumn("status").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("charts").RightAligned());
        var failed = 0;
        foreach (var notebook in notebooks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileNameWithoutExtension(notebook);
            var executed = Path.Combine(output, name + ".ipynb");
            var clock = Stopwatch.StartNew();
            var (exitCode, log) = Execute(notebook, executed, settings.Profile, root);
            var status = exitCode == 0 ? "ok" : $"cell errors (exit {exitCode})";
            var charts = 0;
            if (File.Exists(executed))
            {
                var page = NotebookPage.Build(JsonNode.Parse(File.ReadAllText(executed))!, name);
                page.Write(Path.Combine(output, name + ".html"));
                charts = CountCharts(File.ReadAllText(executed));
            }
            else
            {
                status = $"not executed: {log.Trim().Split('\n').LastOrDefault()}";
            }

            failed += exitCode == 0 && File.Exists(executed) ? 0 : 1;
            table.AddRow(name, Markup.Escape(status), $"{clock.Elapsed.TotalSeconds:0}", $"{charts}");
        }

        AnsiConsole.Write(table);
        return failed == 0 ? ExitCodes.Success : ExitCodes.RunFailure;
    }

    private static (int ExitCode, string Log) Execute(string notebook, string executed, string profile, string root)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(notebook)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "repl", "--run", Path.GetFileName(notebook), "--exit-after-run", "--output-path", executed })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PRELUKIT_PROFILE"] = profile;
        start.Environment["PRELUKIT_RESULTS"] = Path.Combine(root, "results");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet repl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
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
