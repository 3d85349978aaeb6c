using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;
using PReluKit.Cli.Settings;
using PReluKit.Notebooks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary>
/// <c>prelu notebooks render</c>: executes every notebook headless in an in-process .NET Interactive C# kernel (the kernel
/// Polyglot Notebooks runs; no separate tool) and writes the executed .ipynb and an offline HTML page for each, framed as a
/// course site (<see cref="CourseSite"/>: index, contents, previous/next, search), plus the times it measured
/// (<c>times.json</c>, the committed <see cref="MeasuredTimes"/> refreshed), so the walkthrough reads in any browser.
/// Nothing is written outside the output folder: the notebooks' finished runs go to OUT/runs unless --results says otherwise.
/// </summary>
internal sealed class NotebooksRenderCommand : Command<NotebooksRenderCommand.Settings>
{
    /// <summary>The render's measured times, in the output folder: the committed ones with this render's replacing them.</summary>
    public const string TimesFile = "times.json";

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
        [Description("Output folder (default: results/notebooks in the repository, else in the working folder).")]
        public string? Out { get; init; }

        [CommandOption("--from <PATH>")]
        [Description("Folder of the notebooks to render (default: notebooks/ of the repository, else the course installed with prelu; it must sit beside lib/, as the setup cells reference ../lib).")]
        public string? From { get; init; }

        [CommandOption("--results <PATH>")]
        [Description("Where the notebooks keep their finished runs, to reuse them across renders (default: runs/ in the output folder).")]
        public string? Results { get; init; }

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            RunProfile.Names.Contains(Profile) ? null : $"--profile: '{Profile}' is not one of: {string.Join(", ", RunProfile.Names)}.",
            .. Check.OutputFolder("--out", Out, "an output folder"),
            Check.ExistingFolder("--from", From, "a folder of .ipynb notebooks"),
            Check.WritableFolder("--results", Results),
        ];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (root, source, notebooks) = NotebookSelection.Find(settings.From, settings.Only);

        // Every notebook and the committed times are readable before the first runs or anything is written.
        var site = CourseSite.From(source, notebooks);
        var committed = MeasuredTimes.Load(Path.Combine(source, MeasuredTimes.FileName));

        var output = Path.GetFullPath(settings.Out ?? Path.Combine(root, "results", "notebooks"));
        Directory.CreateDirectory(output);
        var environment = new Dictionary<string, string?>
        {
            [RunProfile.EnvironmentVariable] = settings.Profile,
            [RunProfile.ResultsVariable] = Path.GetFullPath(settings.Results ?? Path.Combine(output, "runs")),
        };
        var machine = MeasuredTimes.ThisMachine();
        var commit = RepositoryCommit.Describe(root);
        var measured = new MeasuredTimes();
        var search = new SearchIndex();
        var table = new Table().Title($"Notebooks rendered with the {settings.Profile} profile → {Markup.Escape(output)}")
            .AddColumn("notebook").AddColumn("status").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("charts").RightAligned());
        var failed = 0;
        foreach (var notebook in site.Notebooks)
        {
            var executed = Path.Combine(output, notebook.Name + ".ipynb");
            var clock = Stopwatch.StartNew();
            var run = NotebookRunner.RunAsync(Path.Combine(source, notebook.Name + ".ipynb"), executed, environment, cancellationToken).GetAwaiter().GetResult();
            var seconds = clock.Elapsed.TotalSeconds;
            if (run.Succeeded)
            {
                measured.Set(notebook.Name, settings.Profile, new MeasuredTimes.Measurement(seconds, machine, commit)); // a failed run's time is no notebook's time
            }
            else
            {
                failed++;
                Console.Error.WriteLine($"{notebook.Name}: {run}");
            }

            var json = File.ReadAllText(executed);
            var page = JsonNode.Parse(json)!;
            search.Add(notebook.Page, notebook.Title, SearchIndex.TextOf(page));
            NotebookPage.Build(page, notebook.Name, site.PageNames)
                .WithFrame(site.Frame(notebook.Page, committed.MergedWith(measured).Sentence(notebook.Name, withMachine: true)))
                .Write(Path.Combine(output, notebook.Page));
            table.AddRow(notebook.Name, Markup.Escape(run.Succeeded ? "ok" : $"cell {run.FailedCell} of {run.CodeCells} failed"),
                         $"{seconds:0}", $"{CountCharts(json)}");
        }

        var times = committed.MergedWith(measured);
        times.Write(Path.Combine(output, TimesFile));
        site.Write(output, times, search);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Open {Markup.Escape(Path.Combine(output, CourseSite.IndexPage))}; the times measured are in {TimesFile} there " +
                               $"(copy it over notebooks/{MeasuredTimes.FileName} to refresh the committed ones).");
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
