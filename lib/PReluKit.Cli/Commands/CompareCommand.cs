using System.ComponentModel;
using PReluKit.Activations;
using PReluKit.Cli.Rendering;
using PReluKit.Cli.Settings;
using PReluKit.Data;
using PReluKit.Jobs;
using PReluKit.Models;
using PReluKit.Reports;
using PReluKit.Runs;
using PReluKit.Statistics;
using PReluKit.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary>
/// <c>prelu compare</c>, the kit's main job: ReLU, Leaky ReLU and PReLU trained side by side over several seeds
/// (paired), summarised as mean ± 95 % CI with paired differences, written as CSV, per-run JSON and an offline report.
/// </summary>
internal sealed class CompareCommand : Command<CompareCommand.Settings>
{
    /// <summary>Options of <c>prelu compare</c>.</summary>
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("--activations <KEYS>")]
        [Description("Comma-separated: relu, leaky[[:slope]], prelu[[:α₀]], prelu-shared[[:α₀]], rrelu[[:lower:upper]], elu[[:α]], selu.")]
        [DefaultValue("relu,leaky,prelu,prelu-shared")]
        public string Activations { get; init; } = "relu,leaky,prelu,prelu-shared";

        [CommandOption("--seeds <N>")]
        [OptionRange(1, 1000)]
        [Description("Number of seeds (0, 1, …); every activation runs with each.")]
        [DefaultValue(3)]
        public int Seeds { get; init; } = 3;

        [CommandOption("--device <DEVICE>")]
        [Description("cpu (this build ships TorchSharp's CPU backend only).")]
        [DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--out <PATH>")]
        [Description("Results folder (default: results/compare-MODEL).")]
        public string? Out { get; init; }

        [CommandOption("--delta-accuracy <POINTS>")]
        [Description("Smallest accuracy difference of interest, in points (He et al.'s ImageNet gain was about 1.2).")]
        [DefaultValue(1.0)]
        public double DeltaAccuracy { get; init; } = 1.0;

        [CommandOption("--delta-time <PERCENT>")]
        [Description("Smallest epoch-time difference of interest, in percent.")]
        [DefaultValue(5.0)]
        public double DeltaTime { get; init; } = 5.0;

        [CommandOption("--resume")]
        [Description("Continue the comparison in --out, skipping finished runs.")]
        public bool Resume { get; init; }

        [CommandOption("--shard <K/N>")]
        [Description("Run only shard K of N (run i belongs to shard i mod N + 1) into --out, for a job array; merge the shards with --merge.")]
        public string? Shard { get; init; }

        [CommandOption("--merge")]
        [Description("Merge the shard folders given as arguments into --out and summarise them (the settings come from the shards).")]
        public bool Merge { get; init; }

        [CommandArgument(0, "[SHARDS]")]
        [Description("With --merge: the results folders of the shards.")]
        public string[] ShardFolders { get; init; } = [];

        public Shard? ShardToRun => Shard is null ? null : Runs.Shard.Parse("--shard", Shard);

        public IReadOnlyList<ActivationSpec> ActivationSpecs => OptionParsing.Activations("--activations", Activations);

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            Check.Parses(() => _ = ActivationSpecs),
            Device == "cuda" ? "--device: cuda is not available — this build ships TorchSharp-cpu; use cpu."
                : Device != "cpu" ? $"--device: '{Device}' is not one of: cpu, cuda." : null,
            .. Check.OutputFolder("--out", Out, "a results folder"),
            Check.Positive("--delta-accuracy", DeltaAccuracy),
            Check.Positive("--delta-time", DeltaTime),
            Check.Parses(() => _ = ShardToRun),
            Merge && Shard is not null ? "--merge: merges finished shards; it cannot be combined with --shard." : null,
            Merge && Out is null ? "--merge: give --out, the folder for the merged comparison." : null,
            Merge && ShardFolders.Length == 0 ? "--merge: give the shard folders to merge, e.g. prelu compare --merge results/shard-* --out results/merged." : null,
            !Merge && ShardFolders.Length > 0
                ? $"SHARDS: '{ShardFolders[0]}' is an unexpected argument: --resume takes no value, and shard folders are read only with --merge (prelu compare --merge SHARD… --out DIR)."
                : null,
        ];
    }

    /// <summary>The CLI's names for the inputs of a results-folder job, which its messages start with.</summary>
    private static readonly FolderInputNames OptionNames = new("--out", "--resume", "--merge");

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.StartTorch();
        var command = "prelu " + string.Join(' ', context.Arguments);
        var path = settings.Out ?? Path.Combine("results", $"compare-{ModelFamily.Of(settings.Model).Key}");
        if (settings.Merge)
        {
            // One lock from the folder check to the report: a --resume or a second merge cannot slip in between and mix.
            using var target = ResultsFolder.Open(path, command, OptionNames);
            return Merge(target, command, settings, cancellationToken);
        }

        // The data first: a model too large for this machine's memory is refused before the folder is touched.
        var training = settings.TrainingConfig();
        var dataset = settings.LoadData(cancellationToken);
        using var train = dataset.TrainTensors(training.InputLayout);
        using var test = dataset.TestTensors(training.InputLayout);
        if (TrainingMemory.Problem(training, train.Features.shape[1..]) is { } tooLarge)
        {
            throw new ArgumentException(tooLarge);
        }

        using var folder = ResultsFolder.Open(path, command, OptionNames);
        return Compare(folder, command, settings, dataset, train, test, cancellationToken);
    }

    private static int Merge(ResultsFolder folder, string command, Settings settings, CancellationToken cancellationToken)
    {
        var (manifest, merged, timedTwice) = ComparisonJob.Merge(folder, settings.ShardFolders, command);
        foreach (var line in timedTwice)
        {
            Console.WriteLine(line); // whole, not wrapped: it names two files
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]prelu compare --merge[/]: {settings.ShardFolders.Length} shards, {merged.Count} runs of {manifest.Identity.Data} → {folder.Folder}");
        return Summarise(folder, manifest.Config, merged, manifest.Identity.Data.ToString(), command, settings, cancellationToken);
    }

    private static int Compare(ResultsFolder folder, string command, Settings settings, ImageDataset dataset, LabeledTensors train, LabeledTensors test,
                               CancellationToken cancellationToken)
    {
        var training = settings.TrainingConfig();
        var config = new ComparisonConfig(training, settings.ActivationSpecs, [.. Enumerable.Range(0, settings.Seeds).Select(s => (ulong)s)]);
        var shard = settings.ShardToRun;
        var identity = ComparisonJob.Begin(folder, config, train, test, command, settings.Resume);
        var part = shard is null ? "" : $" (shard {shard}: {config.Runs(shard).Count()} runs)";
        AnsiConsole.MarkupLineInterpolated($"[bold]prelu compare[/]: {training.Model} on {dataset.Name} ({dataset.Train.Count:N0} training, {dataset.Test.Count:N0} test images), {config.Activations.Count} activations × {config.Seeds.Count} seeds × {training.Epochs} epochs{part} → {folder.Folder}");

        IReadOnlyList<RunResult> runs;
        try
        {
            runs = RunWithProgress(config, train, test, folder.Store, shard, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            var saved = folder.Store.LoadAll().Count(r => r.Identity?.Comparison == identity);
            AnsiConsole.MarkupLineInterpolated($"[yellow]cancelled[/]: {saved} finished runs of this comparison are saved in {folder.Store.RunsFolder}; rerun with --resume to continue.");
            return ExitCodes.RunFailure;
        }

        if (shard is not null)
        {
            // One shard cannot be summarised: its seeds are not paired across activations until every shard is in.
            AnsiConsole.MarkupLineInterpolated($"shard {shard}: {runs.Count} runs in {folder.Store.RunsFolder}. When all {shard.Count} shards have finished: prelu compare --merge SHARD-FOLDER… --out MERGED-FOLDER");
            // A failed run is a result, saved like any other: a shard whose runs all failed has done its work, and failing
            // it would make the scheduler cancel the merge of every other shard (a sweep over learning rates meets this).
            var failed = runs.Count(r => r.Failed);
            if (failed > 0)
            {
                AnsiConsole.MarkupLineInterpolated($"shard {shard}: {failed} of {runs.Count} runs failed (diverged or at chance); they are saved as results and counted apart by the merge.");
            }

            return ExitCodes.Success;
        }

        return Summarise(folder, config, runs, $"{dataset.Name} ({dataset.Train.Count:N0} + {dataset.Test.Count:N0} images)", command, settings, cancellationToken);
    }

    /// <summary>Writes the CSVs and the report of a finished comparison and prints its tables and claims.</summary>
    private static int Summarise(ResultsFolder folder, ComparisonConfig config, IReadOnlyList<RunResult> runs, string data, string command, Settings settings,
                                 CancellationToken cancellationToken)
    {
        var outcome = ComparisonJob.Summarise(folder, config, runs, data, command,
            EffectMeasure.Accuracy.WithDelta(settings.DeltaAccuracy), EffectMeasure.EpochTime.WithDelta(settings.DeltaTime), cancellationToken);
        AnsiConsole.Write(TerminalTable.Render(ComparisonTable.Of(outcome.Summary)));
        AnsiConsole.Write(TerminalTable.Render(ComparisonTable.Contrasts(outcome.Summary)));
        foreach (var claim in outcome.Claims)
        {
            AnsiConsole.WriteLine(claim.Reading);
        }

        AnsiConsole.MarkupLineInterpolated($"CSV: {string.Join(", ", outcome.CsvFiles)}");
        AnsiConsole.MarkupLineInterpolated($"Report ({outcome.Charts} charts, opens offline): [link]{outcome.Report}[/]");
        return runs.All(r => r.Failed) ? ExitCodes.RunFailure : ExitCodes.Success;
    }

    private static IReadOnlyList<RunResult> RunWithProgress(ComparisonConfig config, LabeledTensors train, LabeledTensors test, RunStore store,
                                                            Shard? shard, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Logs and pipes get one line per run instead of redrawn progress bars.
            return Comparison.Run(config, train, test, store, new InlineProgress<TrainingEvent>(e =>
            {
                if (e is RunFinished { Result: var run } finished)
                {
                    var outcome = finished.Skipped ? "already done" : run.Failed ? run.Outcome.Reason
                        : $"test accuracy {run.Final.TestAccuracy:P2}, {run.Epochs.Skip(1).Average(x => x.Seconds):0.000} s/epoch";
                    AnsiConsole.MarkupLineInterpolated($"  {run.Config.Activation.DisplayName}, seed {run.Seed}: {outcome}");
                }
            }), cancellationToken, shard);
        }

        IReadOnlyList<RunResult> results = [];
        var total = config.Runs(shard).Count();
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var overall = ctx.AddTask("all runs", maxValue: total * config.Training.Epochs);
                ProgressTask? current = null;
                var progress = new InlineProgress<TrainingEvent>(e =>
                {
                    switch (e)
                    {
                        case RunStarted started:
                            current?.StopTask();
                            current = ctx.AddTask($"{started.Config.Activation.DisplayName}, seed {started.Seed}", maxValue: started.Config.Epochs);
                            break;
                        case EpochCompleted { Record.Epoch: > 0 } epoch:
                            current?.Increment(1);
                            overall.Increment(1);
                            current?.Description($"{epoch.Config.Activation.DisplayName}, seed {epoch.Seed}: test {epoch.Record.TestAccuracy:P1}");
                            break;
                        case RunFinished finished:
                            overall.Increment(finished.Skipped ? finished.Result.Config.Epochs
                                : finished.Result.Config.Epochs - finished.Result.Final.Epoch);
                            current?.StopTask();
                            break;
                    }
                });
                results = Comparison.Run(config, train, test, store, progress, cancellationToken, shard);
            });
        return results;
    }
}
