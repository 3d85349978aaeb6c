using System.ComponentModel;
using System.Globalization;
using PReluKit.Data;
using PReluKit.Reports;
using PReluKit.Training;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace PReluKit.Cli.Commands;

/// <summary>
/// <c>prelu compare</c>, the kit's main job: ReLU, Leaky ReLU and PReLU trained side by side over several seeds
/// (paired), summarised as mean ± 95 % CI with paired differences, written as CSV, per-run JSON and an offline report.
/// </summary>
internal sealed class CompareCommand : Command<CompareCommand.Settings>
{
    /// <summary>Options of <c>prelu compare</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--model")]
        [Description("mlp or cnn.")]
        [DefaultValue("mlp")]
        public string Model { get; init; } = "mlp";

        [CommandOption("--activations")]
        [Description("Comma-separated: relu, leaky[:slope], prelu[:α₀], prelu-shared[:α₀], rrelu, elu[:α], selu.")]
        [DefaultValue("relu,leaky,prelu,prelu-shared")]
        public string Activations { get; init; } = "relu,leaky,prelu,prelu-shared";

        [CommandOption("--seeds")]
        [Description("Number of seeds (0, 1, …); every activation runs with each.")]
        [DefaultValue(3)]
        public int Seeds { get; init; } = 3;

        [CommandOption("--epochs")]
        [Description("Training epochs per run (default: 8 for mlp, 3 for cnn).")]
        public int? Epochs { get; init; }

        [CommandOption("--batch-size")]
        [Description("Samples per mini-batch.")]
        [DefaultValue(128)]
        public int BatchSize { get; init; } = 128;

        [CommandOption("--lr")]
        [Description("Learning rate (default: 0.05 for mlp, 0.02 for cnn with SGD; 0.001 with Adam).")]
        public double? LearningRate { get; init; }

        [CommandOption("--optimizer")]
        [Description("sgd (with momentum 0.9) or adam.")]
        [DefaultValue("sgd")]
        public string Optimizer { get; init; } = "sgd";

        [CommandOption("--weight-decay")]
        [Description("L2 weight decay on the weights.")]
        [DefaultValue(0.0)]
        public double WeightDecay { get; init; }

        [CommandOption("--weight-decay-alpha")]
        [Description("Also apply weight decay to PReLU's α (off by default, as He et al. advise).")]
        public bool WeightDecayAlpha { get; init; }

        [CommandOption("--data")]
        [Description("subset (shipped, offline), full, or a folder with the four IDX files.")]
        [DefaultValue("subset")]
        public string Data { get; init; } = "subset";

        [CommandOption("--device")]
        [Description("cpu (this build ships TorchSharp's CPU backend only).")]
        [DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--threads")]
        [Description("Intra-op threads for TorchSharp (default: one per core).")]
        public int? Threads { get; init; }

        [CommandOption("--out")]
        [Description("Results folder (default: results/compare-MODEL).")]
        public string? Out { get; init; }

        [CommandOption("--resume")]
        [Description("Continue the comparison in --out, skipping finished runs.")]
        public bool Resume { get; init; }

        public override ValidationResult Validate()
        {
            return (CommandOptions.ModelError(Model) ?? CommandOptions.ActivationsError(Activations)) is { } error ? error
                : Seeds is < 1 or > 1000 ? ValidationResult.Error($"--seeds: must be between 1 and 1000, got {Seeds}.")
                : Epochs is < 1 ? ValidationResult.Error($"--epochs: must be ≥ 1, got {Epochs}.")
                : BatchSize < 1 ? ValidationResult.Error($"--batch-size: must be ≥ 1, got {BatchSize}.")
                : LearningRate is { } lr && !(lr > 0 && double.IsFinite(lr)) ? ValidationResult.Error($"--lr: must be a positive number, got {lr}.")
                : Optimizer is not ("sgd" or "adam") ? ValidationResult.Error($"--optimizer: '{Optimizer}' is not one of: sgd, adam.")
                : !(WeightDecay >= 0) ? ValidationResult.Error($"--weight-decay: must be ≥ 0, got {WeightDecay}.")
                : Device == "cuda" ? ValidationResult.Error("--device: cuda is not available — this build ships TorchSharp-cpu; use cpu.")
                : Device != "cpu" ? ValidationResult.Error($"--device: '{Device}' is not one of: cpu, cuda.")
                : Threads is < 1 ? ValidationResult.Error($"--threads: must be ≥ 1, got {Threads}.")
                : CommandOptions.DataError(Data) ?? ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Native.TorchNative.EnsureLoaded();
        if (settings.Threads is { } threads)
        {
            set_num_threads(threads);
        }

        var model = settings.Model == "cnn" ? ModelKind.Cnn : ModelKind.Mlp;
        var optimizer = settings.Optimizer == "adam" ? OptimizerKind.Adam : OptimizerKind.Sgd;
        var training = new TrainingConfig
        {
            Model = model,
            Epochs = settings.Epochs ?? (model == ModelKind.Cnn ? 3 : 8),
            BatchSize = settings.BatchSize,
            Optimizer = optimizer,
            LearningRate = settings.LearningRate ?? (optimizer == OptimizerKind.Adam ? 0.001 : TrainingConfig.DefaultLearningRate(model)),
            WeightDecay = settings.WeightDecay,
            DecayAlpha = settings.WeightDecayAlpha,
        }.Validate();
        var config = new ComparisonConfig(training, CommandOptions.ParseActivations(settings.Activations), [.. Enumerable.Range(0, settings.Seeds).Select(s => (ulong)s)]);
        var store = OpenStore(settings.Out ?? Path.Combine("results", $"compare-{settings.Model}"), settings.Resume);

        var dataset = FashionMnist.Load(settings.Data);
        var layout = model == ModelKind.Cnn ? ImageLayout.Image : ImageLayout.Flat;
        using var train = dataset.TrainTensors(layout);
        using var test = dataset.TestTensors(layout);
        AnsiConsole.MarkupLineInterpolated($"[bold]prelu compare[/]: {model} on {dataset.Name} ({dataset.Train.Count:N0} training, {dataset.Test.Count:N0} test images), {config.Activations.Count} activations × {config.Seeds.Count} seeds × {training.Epochs} epochs → {store.Folder}");

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        IReadOnlyList<RunResult> runs;
        try
        {
            runs = RunWithProgress(config, train, test, store, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            var saved = store.LoadAll().Count;
            AnsiConsole.MarkupLineInterpolated($"[yellow]cancelled[/]: {saved} finished runs are saved in {store.RunsFolder}; rerun with --resume to continue.");
            return ExitCodes.RunFailure;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        var summary = ComparisonSummary.From(runs);
        var csv = summary.WriteCsv(store.Folder, runs);
        var environment = RunEnvironment.Capture($"{dataset.Name} ({dataset.Train.Count:N0} + {dataset.Test.Count:N0} images)",
                                                 "prelu " + string.Join(' ', context.Arguments));
        var (report, charts) = ComparisonReport.Write(store.Folder, config, runs, summary, environment, csv);

        AnsiConsole.Write(SummaryTable(summary));
        AnsiConsole.MarkupLineInterpolated($"CSV: {csv[0]}, {csv[1]}");
        AnsiConsole.MarkupLineInterpolated($"Report ({charts} charts, opens offline): [link]{report}[/]");
        return runs.All(r => r.Diverged) ? ExitCodes.RunFailure : ExitCodes.Success;
    }

    private static RunStore OpenStore(string folder, bool resume)
    {
        RunStore store;
        try
        {
            store = new RunStore(folder);
            var probe = Path.Combine(store.Folder, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--out: '{folder}' is not a writable folder ({e.Message}).", e);
        }

        if (!resume && Directory.EnumerateFiles(store.RunsFolder, "*.json").Any())
        {
            throw new ArgumentException($"--out: '{store.Folder}' already holds runs of an earlier comparison; pass --resume to continue it, or choose another --out.");
        }

        return store;
    }

    private static IReadOnlyList<RunResult> RunWithProgress(ComparisonConfig config, LabeledTensors train, LabeledTensors test, RunStore store,
                                                            CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            // Logs and pipes get one line per run instead of redrawn progress bars.
            return Comparison.Run(config, train, test, store, new InlineProgress<TrainingEvent>(e =>
            {
                if (e is RunFinished { Result: var run } finished)
                {
                    var outcome = finished.Skipped ? "already done" : run.Diverged ? $"diverged in epoch {run.DivergedAtEpoch}"
                        : $"test accuracy {run.Final.TestAccuracy:P2}, {run.Epochs.Skip(1).Average(x => x.Seconds):0.000} s/epoch";
                    AnsiConsole.MarkupLineInterpolated($"  {run.Config.Activation.DisplayName}, seed {run.Seed}: {outcome}");
                }
            }), cancellationToken);
        }

        IReadOnlyList<RunResult> results = [];
        var total = config.Activations.Count * config.Seeds.Count;
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
                                : finished.Result.Diverged ? finished.Result.Config.Epochs - finished.Result.Final.Epoch : 0);
                            current?.StopTask();
                            break;
                    }
                });
                results = Comparison.Run(config, train, test, store, progress, cancellationToken);
            });
        return results;
    }

    private static Table SummaryTable(ComparisonSummary summary)
    {
        var table = new Table().Title("Final test accuracy, mean ± 95 % CI over seeds (paired Δ vs ReLU)")
            .AddColumn("activation").AddColumn(new TableColumn("runs").RightAligned()).AddColumn(new TableColumn("test acc. (%)").RightAligned())
            .AddColumn(new TableColumn("Δ vs ReLU (pts)").RightAligned()).AddColumn(new TableColumn("s/epoch").RightAligned())
            .AddColumn(new TableColumn("dead (%)").RightAligned()).AddColumn("verdict (95 % CI)");
        foreach (var row in summary.Rows)
        {
            table.AddRow(
                Markup.Escape(row.DisplayName),
                row.Diverged == 0 ? $"{row.Runs}" : $"{row.Runs} ({row.Diverged} diverged)",
                row.TestAccuracy?.ToString("0.00") ?? "—",
                row.AccuracyVsBaseline?.ToString("+0.00;-0.00;0.00") ?? "—",
                row.EpochSeconds?.ToString("0.000") ?? "—",
                row.DeadPercent.ToString("0.0", CultureInfo.InvariantCulture),
                Markup.Escape(row.ShortVerdict));
        }

        return table;
    }

}
