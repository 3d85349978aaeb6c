using BenchmarkDotNet.Attributes;
using PReluKit.Activations;
using PReluKit.Benchmarking;
using PReluKit.Data;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Benchmarks;

/// <summary>
/// One training epoch per invocation, on the full Fashion-MNIST when it is installed (else the shipped subset):
/// the naive TorchSharp loop (baseline) against the kit's loop, and the kit's loop per activation. Ratios: kit / naive
/// directly; PReLU / ReLU as the quotient of the two kit rows.
/// </summary>
[InProcess]
[WarmupCount(1)]
[IterationCount(5)]
[InvocationCount(1)]
public class EpochTimes
{
    private readonly Dictionary<string, (nn.Module<Tensor, Tensor> Model, optim.Optimizer Optimizer, BatchIterator Batches)> _kit = [];
    private LabeledTensors _train = null!;
    private nn.Module<Tensor, Tensor> _naiveModel = null!;
    private optim.Optimizer _naiveOptimizer = null!;
    private Generator _naiveGenerator = null!;
    private nn.Module<Tensor, Tensor, Tensor> _loss = null!;
    private int _epoch;

    [Params("mlp", "cnn")]
    public string Model { get; set; } = "mlp";

    [GlobalSetup]
    public void Setup()
    {
        Native.TorchNative.EnsureLoaded();
        var data = IdxFolder.IsComplete(FashionMnist.SystemFolder) ? FashionMnist.LoadFull() : FashionMnist.LoadSubset();
        var kind = Model == "cnn" ? ModelKind.Cnn : ModelKind.Mlp;
        _train = data.TrainTensors(TrainingConfig.For(kind).InputLayout);
        var config = TrainingConfig.For(kind);
        foreach (var spec in new[] { ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU(), ActivationSpec.PReLUShared() })
        {
            var model = Trainer.Build(config with { Activation = spec }, 0, _train);
            _kit[spec.Key] = (model, ParameterGroups.Sgd(model, config.LearningRate, config.Momentum), new BatchIterator(_train, config.BatchSize, seed: 0));
        }

        _naiveModel = Trainer.Build(config, 0, _train);
        _naiveOptimizer = optim.SGD(_naiveModel.parameters(), config.LearningRate, config.Momentum);
        _naiveGenerator = new Generator(0);
        _loss = nn.CrossEntropyLoss();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (model, _, batches) in _kit.Values)
        {
            model.Dispose();
            batches.Dispose();
        }

        _kit.Clear();
        _naiveModel.Dispose();
        _naiveGenerator.Dispose();
        _loss.Dispose();
        _train.Dispose();
    }

    [Benchmark(Baseline = true)]
    public double NaiveLoopReLU() => NaiveTrainingLoop.Epoch(_naiveModel, _naiveOptimizer, _train, 128, _naiveGenerator);

    [Benchmark]
    public double KitLoopReLU() => Kit("relu");

    [Benchmark]
    public double KitLoopLeaky() => Kit("leaky");

    [Benchmark]
    public double KitLoopPReLU() => Kit("prelu");

    [Benchmark]
    public double KitLoopPReLUShared() => Kit("prelu-shared");

    private double Kit(string key)
    {
        var (model, optimizer, batches) = _kit[key];
        return Trainer.TrainEpoch(model, optimizer, _loss, batches, ++_epoch, []).LossSum;
    }
}
