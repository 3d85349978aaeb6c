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
        [Description("Render only the notebooks whose name contains this text; repeat it to take several.")]
        public string[]? Only { get; init; }

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
            NotebookSelection.OnlyProblem(Only),
            .. Check.OutputFolder("--out", Out, "an output folder"),
            Check.ExistingFolder("--from", From, "a folder of .ipynb notebooks"),
            Check.WritableFolder("--results", Results),
            // The runs would lie loose among the pages, where the next render takes them for files it did not write.
            Results is not null && Out is not null && Path.TrimEndingDirectorySeparator(Path.GetFullPath(Results)) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(Out))
                ? "--results: is the output folder itself; give a folder inside it (the default is runs/ there) or elsewhere."
                : null,
        ];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (root, source, selected) = NotebookSelection.Find(settings.From, settings.Only);
        // The committed times are readable before the folder is touched or anything runs.
        var committed = MeasuredTimes.Load(Path.Combine(source, MeasuredTimes.FileName));
        var output = Path.GetFullPath(settings.Out ?? Path.Combine(root, "results", "notebooks"));
        var results = Path.GetFullPath(settings.Results ?? Path.Combine(output, "runs"));
        // The finished runs, when they are kept in the output folder, are this command's too (and stay: later renders reuse them).
        string[] cache = Path.GetRelativePath(output, results) is var inside && inside != "." && !inside.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inside)
            ? [inside.Split(Path.DirectorySeparatorChar)[0]]
            : [];
        using var folder = OwnedFolder.Open(output, "prelu notebooks render", "--out", cache);

        // The site holds the notebooks rendered now and those an earlier render left here (their pages are rebuilt from
        // their executed copies, so every sidebar, the index and the search list the same pages); in the folder's order.
        var kept = Directory.GetFiles(source, "*.ipynb").Order(StringComparer.Ordinal)
            .Where(n => !selected.Contains(n) && folder.Wrote(Path.GetFileName(n))).ToList();
        // Every notebook is readable before the first runs or anything is written.
        var site = CourseSite.From(source, [.. selected.Concat(kept).Order(StringComparer.Ordinal)]);
        var earlier = folder.Wrote(TimesFile) ? MeasuredTimes.Load(Path.Combine(output, TimesFile)) : new MeasuredTimes();

        var environment = new Dictionary<string, string?>
        {
            [RunProfile.EnvironmentVariable] = settings.Profile,
            [RunProfile.ResultsVariable] = results,
        };
        var machine = MeasuredTimes.ThisMachine();
        var commit = RepositoryCommit.Describe(root);
        var measured = committed.MergedWith(earlier);
        var search = new SearchIndex();
        var staging = folder.Staging;
        var table = new Table().Title($"Notebooks rendered with the {settings.Profile} profile → {Markup.Escape(output)}")
            .AddColumn("notebook").AddColumn("status").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("charts").RightAligned());
        var failed = 0;
        try
        {
            foreach (var notebook in site.Notebooks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var sourcePath = Path.Combine(source, notebook.Name + ".ipynb");
                string executed;
                if (selected.Contains(sourcePath))
                {
                    executed = Path.Combine(staging, notebook.Name + ".ipynb");
                    var clock = Stopwatch.StartNew();
                    var run = NotebookRunner.RunAsync(sourcePath, executed, environment, cancellationToken).GetAwaiter().GetResult();
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

                    table.AddRow(Markup.Escape(notebook.Name), Markup.Escape(run.Succeeded ? "ok" : $"cell {run.FailedCell} of {run.CodeCells} failed"),
                                 $"{seconds:0}", $"{CountCharts(File.ReadAllText(executed))}");
                }
                else
                {
                    executed = Path.Combine(output, notebook.Name + ".ipynb");
                    NotebookRunner.Load(executed); // an earlier render's copy, checked like any notebook
                    table.AddRow(Markup.Escape(notebook.Name), "kept from an earlier render", "", $"{CountCharts(File.ReadAllText(executed))}");
                }

                var page = JsonNode.Parse(File.ReadAllText(executed))!;
                search.Add(SiteHref.To(notebook.Page), notebook.Title, SearchIndex.TextOf(page));
                NotebookPage.Build(page, notebook.Name, site.PageNames)
                    .WithFrame(site.Frame(notebook.Page, measured.Sentence(notebook.Name, withMachine: true)))
                    .Write(Path.Combine(staging, notebook.Page));
            }

            measured.Write(Path.Combine(staging, TimesFile));
            site.Write(staging, measured, search);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (OperationCanceledException e)
        {
            throw new CommandCancelledException($"nothing in '{output}' changed" +
                                           (Directory.Exists(results) ? $"; the runs that finished are kept in '{results}' for the next render." : "."), e);
        }

        // The whole site replaces the old one at once; pages an earlier render wrote that are no longer in the site go.
        folder.Commit([.. kept.Select(Path.GetFileName).OfType<string>(), .. cache]);
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
