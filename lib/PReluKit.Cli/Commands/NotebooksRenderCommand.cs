using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using PReluKit.Cli.Rendering;
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
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--profile")]
        [Description("quick, standard or full: how big the experiments are.")]
        [DefaultValue("standard")]
        public string Profile { get; init; } = "standard";

        [CommandOption("--only")]
        [Description("Render only the notebooks whose name contains this text.")]
        public string? Only { get; init; }

        [CommandOption("--out")]
        [Description("Output folder (default: results/notebooks).")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            Profile is "quick" or "standard" or "full"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--profile: '{Profile}' is not one of: quick, standard, full.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var root = FindRepository();
        var kit = Path.Combine(root, "lib", "PReluKit.Notebooks", "bin", "Debug", "net10.0", "PReluKit.Notebooks.dll");
        if (!File.Exists(kit))
        {
            throw new InvalidOperationException($"the notebooks reference {kit}; build it first with: dotnet build PReluNotebooks.sln");
        }

        var notebooks = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal)
            .Where(n => settings.Only is null || Path.GetFileName(n).Contains(settings.Only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (notebooks.Count == 0)
        {
            throw new ArgumentException($"--only: no notebook name contains '{settings.Only}'.");
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

    private static string FindRepository()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "notebooks")) && File.Exists(Path.Combine(dir.FullName, ".config", "dotnet-tools.json")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("run this inside the PReluNotebooks repository: no notebooks/ folder with a .config/dotnet-tools.json was found above here.");
    }
}
