using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using PReluKit.Activations;
using PReluKit.Benchmarking;
using PReluKit.Cli.Settings;
using PReluKit.Data;
using PReluKit.Metrics;
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
        [Description("Repetitions per contestant (medians are reported).")]
        [DefaultValue(3)]
        public int Repeats { get; init; } = 3;

        protected override IEnumerable<string?> Problems() => [.. base.Problems(), Check.Range("--repeats", Repeats, 1, 100)];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        settings.StartTorch();
        zeros(1).Dispose(); // start libtorch before any clock runs
        var results = new Table().Title($"prelu bench — {Environment.ProcessorCount} cores, {get_num_threads()} torch threads, medians of {settings.Repeats} repeats")
            .AddColumn("measurement").AddColumn(new TableColumn("result").RightAligned()).AddColumn("note");

        var clock = Stopwatch.StartNew();
        var dataset = settings.LoadData(cancellationToken);
        var read = clock.Elapsed.TotalSeconds;
        using var flatTrain = dataset.TrainTensors(ImageLayout.Flat);
        var loaded = clock.Elapsed.TotalSeconds;
        results.AddRow($"load {dataset.Name} ({dataset.Train.Count:N0} training images)", $"{loaded:0.00} s", $"read + validate {read:0.00} s, then normalised (N, 784) tensors; target < 2 s for the full set");
        using var flatTest = dataset.TestTensors(ImageLayout.Flat);

        AddKernels(results, settings.Repeats);
        cancellationToken.ThrowIfCancellationRequested();

        var mlp = TrainingConfig.For(ModelKind.Mlp);
        var (kit, naive) = EpochBenchmark.KitAgainstNaive(mlp, flatTrain, flatTest, settings.Repeats, epochs: 2, cancellationToken);
        results.AddRow("MLP epoch: kit loop / naive loop", Ratio(kit.Median, naive.Median),
            $"{kit.Median:0.000} s vs {naive.Median:0.000} s (ReLU, batch {mlp.BatchSize}); the kit also tracks loss and accuracy");
        var mlpTimes = EpochBenchmark.Activations(mlp, Compared, flatTrain, flatTest, settings.Repeats, epochs: 2, cancellationToken);
        AddOverhead(results, "MLP", mlpTimes);
        var gemm = GemmThroughput.MeasureGflops();
        results.AddRow("float32 GEMM throughput (1024³ matmul)", $"{gemm:0.0} GFLOP/s", "the floor for an epoch's matrix work on this machine");
        AddGemmFraction(results, "MLP", mlp, flatTrain.Count, mlpTimes[0].Median, gemm);

        using (var imageTrain = dataset.TrainTensors(ImageLayout.Image))
        using (var imageTest = dataset.TestTensors(ImageLayout.Image))
        {
            var cnn = TrainingConfig.For(ModelKind.Cnn);
            var (cnnKit, cnnNaive) = EpochBenchmark.KitAgainstNaive(cnn, imageTrain, imageTest, settings.Repeats, epochs: 1, cancellationToken);
            results.AddRow("CNN epoch: kit loop / naive loop", Ratio(cnnKit.Median, cnnNaive.Median),
                $"{cnnKit.Median:0.000} s vs {cnnNaive.Median:0.000} s (ReLU, batch {cnn.BatchSize})");
            var cnnTimes = EpochBenchmark.Activations(cnn, Compared, imageTrain, imageTest, settings.Repeats, epochs: 1, cancellationToken);
            AddOverhead(results, "CNN", cnnTimes);
            AddGemmFraction(results, "CNN", cnn, imageTrain.Count, cnnTimes[0].Median, gemm);
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

    private static IReadOnlyList<ActivationSpec> Compared { get; } = [ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU(), ActivationSpec.PReLUShared()];

    /// <summary>
    /// The activation alone, on the CNN's first activation (128×16×28×28, 1.6 M elements): the kit's PReLU against
    /// TorchSharp's <c>nn.PReLU</c>, and against ReLU. Contestants alternate round by round so drift hits all alike.
    /// </summary>
    private static void AddKernels(Table table, int repeats)
    {
        long[] shape = [128, 16, 28, 28];
        var kitNative = PReLU.ChannelWise(16, name: "kit PReLU (libtorch backward)");
        kitNative.FusedBackward = false;
        nn.Module<Tensor, Tensor>[] modules =
        [
            nn.ReLU(),
            nn.PReLU(16, AlphaInit.He),
            PReLU.ChannelWise(16, name: "kit PReLU"),
            kitNative,
        ];
        foreach (var module in modules)
        {
            // Untimed: lets .NET's tiered JIT promote the managed parts (autograd node, kernel call) as a training run would.
            ActivationTiming.Measure(module, shape, repeats: 3, iterations: 10);
        }

        var forward = modules.Select(_ => new List<double>()).ToList();
        var both = modules.Select(_ => new List<double>()).ToList();
        for (var r = 0; r < Math.Max(7, repeats); r++) // short rounds: more of them, so an occasional GC pause stays out of the median
        {
            for (var m = 0; m < modules.Length; m++)
            {
                var (f, fb) = ActivationTiming.Measure(modules[m], shape, repeats: 1, iterations: 10);
                forward[m].Add(f.Median);
                both[m].Add(fb.Median);
            }
        }

        double Median(List<double> values) => new Timing("", values).Median;
        var (relu, torchPrelu, kit, kitLibtorch) = (0, 1, 2, 3);
        var label = $"activation on {string.Join('×', shape)}";
        table.AddRow($"{label}: kit PReLU / TorchSharp nn.PReLU, forward", Ratio(Median(forward[kit]), Median(forward[torchPrelu])),
            $"{Median(forward[kit]) * 1e3:0.000} ms vs {Median(forward[torchPrelu]) * 1e3:0.000} ms (both run libtorch's forward)");
        table.AddRow($"{label}: kit PReLU / TorchSharp nn.PReLU, forward+backward", Ratio(Median(both[kit]), Median(both[torchPrelu])),
            $"{Median(both[kit]) * 1e3:0.000} ms vs {Median(both[torchPrelu]) * 1e3:0.000} ms; the kit's fused backward against libtorch's " +
            $"(kit with libtorch's backward: {Median(both[kitLibtorch]) * 1e3:0.000} ms)");
        table.AddRow($"{label}: kit PReLU / ReLU, forward+backward", Ratio(Median(both[kit]), Median(both[relu])),
            $"{Median(both[kit]) * 1e3:0.000} ms vs {Median(both[relu]) * 1e3:0.000} ms");
        foreach (var module in modules)
        {
            module.Dispose();
        }
    }

    private static void AddOverhead(Table table, string model, IReadOnlyList<Timing> timings)
    {
        var relu = timings[0].Median;
        foreach (var timing in timings.Skip(1))
        {
            table.AddRow($"{model} epoch: {timing.Name} / ReLU", Ratio(timing.Median, relu), $"{timing.Median:0.000} s vs {relu:0.000} s");
        }
    }

    private static void AddGemmFraction(Table table, string model, TrainingConfig config, long samples, double epochSeconds, double gemmGflops)
    {
        var achieved = GemmThroughput.TrainingFlopsPerSample(config) * samples / epochSeconds / 1e9;
        table.AddRow($"{model} epoch (ReLU): share of GEMM throughput", (achieved / gemmGflops).ToString("P0", CultureInfo.InvariantCulture),
            $"{achieved:0.0} GFLOP/s of multiply-accumulate work (forward + backward ≈ 3 × forward)");
    }

    private static string Ratio(double a, double b) => (a / b).ToString("0.000", CultureInfo.InvariantCulture);
}
