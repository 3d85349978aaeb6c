using System.Diagnostics;
using PReluKit.Data;
using static TorchSharp.torch;

namespace PReluKit.Benchmarking;

/// <summary>
/// The baseline the kit's training loop is measured against: the loop a TorchSharp user writes first — a random
/// permutation per epoch, <c>index_select</c> per batch, forward, cross-entropy, backward, plain <c>optim.SGD</c>
/// step, one dispose scope per batch, and no metrics.
/// </summary>
public static class NaiveTrainingLoop
{
    /// <summary>Trains <paramref name="model"/> for one epoch and returns the wall time in seconds.</summary>
    public static double Epoch(nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, LabeledTensors train, int batchSize, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(train);
        model.train();
        var clock = Stopwatch.StartNew();
        using var order = randperm(train.Count, generator: generator);
        for (long start = 0; start < train.Count; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var indices = order.narrow(0, start, Math.Min(batchSize, train.Count - start));
            var x = train.Features.index_select(0, indices);
            var y = train.Labels.index_select(0, indices);
            optimizer.zero_grad();
            nn.functional.cross_entropy(model.call(x), y).backward();
            optimizer.step();
        }

        return clock.Elapsed.TotalSeconds;
    }
}
