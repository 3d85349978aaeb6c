using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using PReluKit.Activations;
using PReluKit.Benchmarking;
using PReluKit.Cli.Settings;
using PReluKit.Data;
using PReluKit.Metrics;
using PReluKit.Models;
using PReluKit.Training;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace PReluKit.Cli.Commands;

/// <summary>
/// <c>prelu bench</c>: a short benchmark for users' own machines — data loading, the activation alone (kit PReLU
/// against TorchSharp's and against ReLU), the kit's loop against a naive loop, PReLU's epoch overhead over ReLU (MLP
/// and CNN), the epoch's share of GEMM throughput, memory across epochs, and the born-dead grid.
/// </summary>
internal sealed class BenchCommand : Command<BenchCommand.Settings>
{
    /// <summary>Options of <c>prelu bench</c>.</summary>
    public sealed class Settings : ComputeSettings
    {
        [CommandOption("--repeats <N>")]
        [OptionRange(1, 100)]
        [Description("Interleaved rounds per epoch comparison (A B A B …; medians and paired ratios with 95 % intervals are reported).")]
        [DefaultValue(6)]
        public int Repeats { get; init; } = 6;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.StartTorch();
        zeros(1).Dispose(); // start libtorch before any clock runs
        var results = new Table().Title($"prelu bench — {Environment.ProcessorCount} cores, {get_num_threads()} torch threads, {settings.Repeats} interleaved rounds per epoch comparison; {Native.TorchNative.Threading}")
            .AddColumn("measurement").AddColumn(new TableColumn("result").RightAligned()).AddColumn("note");

        var clock = Stopwatch.StartNew();
        var dataset = settings.LoadData(cancellationToken);
        var read = clock.Elapsed.TotalSeconds;
        using var flatTrain = dataset.TrainTensors(ImageLayout.Flat);
        var loaded = clock.Elapsed.TotalSeconds;
        results.AddRow($"load {dataset.Name} ({dataset.Train.Count:N0} training images)", $"{loaded:0.00} s", $"read + validate {read:0.00} s, then normalised (N, 784) tensors; target < 2 s for the full set");
        using var flatTest = dataset.TestTensors(ImageLayout.Flat);

        AddKernels(results, settings.Repeats, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var gemm = GemmThroughput.MeasureGflops();
        results.AddRow("float32 GEMM throughput (1024³ matmul)", $"{gemm:0.0} GFLOP/s", "the floor for an epoch's matrix work on this machine");
        var mlp = TrainingConfig.For(ModelKind.Mlp);
        AddEpochRows(results, "MLP", mlp, flatTrain, gemm, settings.Repeats, cancellationToken);
        using (var imageTrain = dataset.TrainTensors(ImageLayout.Image))
        {
            AddEpochRows(results, "CNN", TrainingConfig.For(ModelKind.Cnn), imageTrain, gemm, settings.Repeats, cancellationToken);
        }

        var memory = new List<long>();
        var recorder = new InlineProgress<TrainingEvent>(e =>
        {
            if (e is EpochCompleted)
            {
                using var process = Process.GetCurrentProcess();
                memory.Add(process.WorkingSet64);
            }
        });
        Trainer.Run(mlp with { Activation = ActivationSpec.PReLU(), Epochs = 8 }, 0, flatTrain, flatTest, recorder, cancellationToken);
        results.AddRow("RSS after epoch 1 → epoch 8 (MLP, PReLU)", $"{memory[1] / 1e6:0} → {memory[^1] / 1e6:0} MB",
            string.Join(" ", memory.Skip(1).Select(m => (m / 1e6).ToString("0", CultureInfo.InvariantCulture))));

        clock.Restart();
        var grid = BornDeadGrid.Default;
        grid.Estimate([ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU()], 0, cancellationToken);
        results.AddRow($"born-dead grid: 3 activations × {grid.Widths.Count} widths × {grid.Depths.Count} depths × {grid.Trials:N0} nets", $"{clock.Elapsed.TotalSeconds:0.0} s", "target < 30 s for one activation's 5×5 grid");

        AnsiConsole.Write(results);
        return ExitCodes.Success;
    }

    /// <summary>
    /// One model's epoch rows: the kit's loop against the naive loop, each activation against ReLU, the share of GEMM
    /// throughput, and the epoch beside one busy process per CPU against the epoch alone.
    /// </summary>
    private static void AddEpochRows(Table results, string model, TrainingConfig config, LabeledTensors train, double gemm, int repeats,
                                     CancellationToken cancellationToken)
    {
        var (kit, naive) = EpochBenchmark.KitAgainstNaive(config, train, repeats, cancellationToken);
        results.AddRow($"{model} epoch: kit loop / naive loop", Ratio(kit, naive),
            $"{kit.Median:0.000} s vs {naive.Median:0.000} s (ReLU, batch {config.BatchSize}); the kit also tracks loss and accuracy");
        var times = EpochBenchmark.Activations(config, Compared, train, repeats, cancellationToken);
        AddOverhead(results, model, times);
        AddGemmFraction(results, model, config, train.Count, times[0].Median, gemm);
        if (!BusyCompetitors.IsAvailable)
        {
            results.AddRow($"{model} epoch: beside busy processes / alone", "not measured", $"needs {BusyCompetitors.Shell}");
            return;
        }

        var (alone, busy) = EpochBenchmark.AloneAgainstBusy(config, train, repeats, cancellationToken);
        results.AddRow($"{model} epoch: beside {Environment.ProcessorCount} busy processes / alone", Ratio(busy, alone),
            $"{busy.Median:0.000} s vs {alone.Median:0.000} s (ReLU); a fair share of the CPUs is 2×, target ≤ 2.5×");
    }

    private static IReadOnlyList<ActivationSpec> Compared { get; } = [ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU(), ActivationSpec.PReLUShared()];

    /// <summary>
    /// The activation alone, on the CNN's first activation (128×16×28×28, 1.6 M elements): the kit's PReLU against
    /// TorchSharp's <c>nn.PReLU</c>, and against ReLU, interleaved round by round.
    /// </summary>
    private static void AddKernels(Table table, int repeats, CancellationToken cancellationToken)
    {
        long[] shape = [128, 16, 28, 28];
        var rounds = 4 * repeats; // short units: more rounds than epochs get, so a GC pause or a neighbour's burst stays out of the median
        var kitNative = PReLU.ChannelWise(16, name: "kit PReLU (libtorch backward)");
        kitNative.FusedBackward = false;
        nn.Module<Tensor, Tensor>[] modules = [nn.ReLU(), nn.PReLU(16, AlphaInit.He), PReLU.ChannelWise(16, name: "kit PReLU"), kitNative];
        var forward = Run(modules.Select(m => ActivationTiming.Forward(m, shape)).ToList());
        var both = Run(modules.Select(m => ActivationTiming.ForwardBackward(m, shape)).ToList());
        var (relu, torchPrelu, kit, kitLibtorch) = (0, 1, 2, 3);
        var label = $"activation on {string.Join('×', shape)}";
        table.AddRow($"{label}: kit PReLU / TorchSharp nn.PReLU, forward", Ratio(forward[kit], forward[torchPrelu]),
            $"{Ms(forward[kit])} vs {Ms(forward[torchPrelu])} (both run libtorch's forward)");
        table.AddRow($"{label}: kit PReLU / TorchSharp nn.PReLU, forward+backward", Ratio(both[kit], both[torchPrelu]),
            $"{Ms(both[kit])} vs {Ms(both[torchPrelu])}; the kit's fused backward against libtorch's (kit with libtorch's backward: {Ms(both[kitLibtorch])})");
        table.AddRow($"{label}: kit PReLU / ReLU, forward+backward", Ratio(both[kit], both[relu]), $"{Ms(both[kit])} vs {Ms(both[relu])}");
        foreach (var module in modules)
        {
            module.Dispose();
        }

        IReadOnlyList<Timing> Run(List<Contestant> contestants)
        {
            try
            {
                return Interleaved.Run(contestants, rounds, cancellationToken);
            }
            finally
            {
                contestants.ForEach(c => c.Dispose());
            }
        }
    }

    private static string Ms(Timing timing) => $"{timing.Median * 1e3:0.000} ms";

    private static void AddOverhead(Table table, string model, IReadOnlyList<Timing> timings)
    {
        foreach (var timing in timings.Skip(1))
        {
            table.AddRow($"{model} epoch: {timing.Name} / ReLU", Ratio(timing, timings[0]), $"{timing.Median:0.000} s vs {timings[0].Median:0.000} s (medians)");
        }
    }

    private static void AddGemmFraction(Table table, string model, TrainingConfig config, long samples, double epochSeconds, double gemmGflops)
    {
        var achieved = GemmThroughput.TrainingFlopsPerSample(config) * samples / epochSeconds / 1e9;
        table.AddRow($"{model} epoch (ReLU): share of GEMM throughput", (achieved / gemmGflops).ToString("P0", CultureInfo.InvariantCulture),
            $"{achieved:0.0} GFLOP/s of multiply-accumulate work (forward + backward ≈ 3 × forward)");
    }

    /// <summary>The paired ratio of interleaved rounds, with its 95 % interval.</summary>
    private static string Ratio(Timing a, Timing b) => a.RatioTo(b).ToString();
}
