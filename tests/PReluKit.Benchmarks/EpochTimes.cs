using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using PReluKit.Activations;
using PReluKit.Benchmarking;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Training;

namespace PReluKit.Benchmarks;

/// <summary>
/// One training epoch per invocation, on the full Fashion-MNIST when it is installed (else the shipped subset), through
/// the same contestants as <c>prelu bench</c> (<see cref="EpochBenchmark"/>). Two categories, each with its own baseline
/// so BenchmarkDotNet's Ratio column is the row to read: "loop" (kit loop / naive loop, ReLU) and "activation"
/// (X / ReLU, kit loop). BenchmarkDotNet runs contestants one after another, not interleaved; see the README on how
/// that and <c>prelu bench</c>'s interleaved rounds differ.
/// </summary>
[InProcess]
[WarmupCount(1)]
[IterationCount(8)]
[InvocationCount(1)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class EpochTimes
{
    private readonly Dictionary<string, Contestant> _contestants = [];
    private LabeledTensors _train = null!;

    [Params("mlp", "cnn")]
    public string Model { get; set; } = "mlp";

    [GlobalSetup]
    public void Setup()
    {
        Native.TorchNative.EnsureLoaded();
        var data = IdxFolder.IsComplete(FashionMnist.SystemFolder) ? FashionMnist.LoadFull() : FashionMnist.LoadSubset();
        var config = TrainingConfig.For(Model == "cnn" ? ModelKind.Cnn : ModelKind.Mlp);
        _train = data.TrainTensors(config.InputLayout);
        _contestants["naive"] = EpochBenchmark.Naive(config, _train);
        _contestants["loop"] = EpochBenchmark.Kit(config, _train);
        foreach (var spec in new[] { ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU(), ActivationSpec.PReLUShared() })
        {
            _contestants[spec.Key] = EpochBenchmark.Kit(config with { Activation = spec }, _train);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var contestant in _contestants.Values)
        {
            contestant.Dispose();
        }

        _contestants.Clear();
        _train.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("loop")]
    public double NaiveLoopReLU() => _contestants["naive"].Run();

    [Benchmark]
    [BenchmarkCategory("loop")]
    public double KitLoopReLUAgainstNaive() => _contestants["loop"].Run();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("activation")]
    public double KitLoopReLU() => _contestants["relu"].Run();

    [Benchmark]
    [BenchmarkCategory("activation")]
    public double KitLoopLeaky() => _contestants["leaky"].Run();

    [Benchmark]
    [BenchmarkCategory("activation")]
    public double KitLoopPReLU() => _contestants["prelu"].Run();

    [Benchmark]
    [BenchmarkCategory("activation")]
    public double KitLoopPReLUShared() => _contestants["prelu-shared"].Run();
}
