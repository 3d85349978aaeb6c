using PReluKit.Data;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Benchmarking;

/// <summary>Untimed training steps that take JIT compilation and first allocations out of later measurements.</summary>
public static class WarmUp
{
    /// <summary>One pass of SGD steps over <paramref name="data"/> on a throw-away model of <paramref name="config"/>.</summary>
    public static void Train(TrainingConfig config, LabeledTensors data)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        using var model = Trainer.Build(config, 0, data);
        var optimizer = optim.SGD(model.parameters(), config.LearningRate);
        using var batches = new BatchIterator(data, config.BatchSize, shuffle: false);
        foreach (var (features, labels) in batches.Epoch(0))
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(features), labels).backward();
            optimizer.step();
        }
    }
}
