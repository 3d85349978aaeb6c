using PReluKit.Data;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Benchmarking;

/// <summary>Untimed training steps that take JIT compilation and first allocations out of later measurements.</summary>
public static class WarmUp
{
    /// <summary>One epoch of plain SGD steps (the naive loop) over <paramref name="data"/> on a throw-away model of <paramref name="config"/>.</summary>
    public static void Train(TrainingConfig config, LabeledTensors data)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        using var model = Trainer.Build(config, 0, data);
        using var generator = new Generator(0);
        NaiveTrainingLoop.Epoch(model, optim.SGD(model.parameters(), config.LearningRate), data, config.BatchSize, generator);
    }
}
