using System.Diagnostics;
using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Benchmarking;

/// <summary>
/// Epoch-time contestants for <see cref="Interleaved"/>: the kit's training loop (<see cref="Trainer.TrainEpoch"/>, exactly what
/// a run times) for any activation, and the naive loop it is measured against. Each keeps its model and optimiser across
/// rounds, so every round is one more epoch of the same training.
/// </summary>
public static class EpochBenchmark
{
    /// <summary>The kit's loop training <paramref name="config"/> on <paramref name="train"/>, one epoch per unit, named by its activation.</summary>
    public static Contestant Kit(TrainingConfig config, LabeledTensors train, ulong seed = 0, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var model = Trainer.BuildSeeded(config, seed, train);
        var optimizer = Trainer.CreateOptimizer(model, config);
        var loss = nn.CrossEntropyLoss();
        var batches = new BatchIterator(train, config.BatchSize, shuffle: true, seed);
        var epoch = 0;
        return new Contestant(name ?? config.Activation.DisplayName, () =>
        {
            var clock = Stopwatch.StartNew();
            Trainer.TrainEpoch(model, optimizer, loss, batches, ++epoch, []);
            return clock.Elapsed.TotalSeconds;
        }, () =>
        {
            batches.Dispose();
            loss.Dispose();
            model.Dispose();
        });
    }

    /// <summary><see cref="NaiveTrainingLoop"/> on the same model and data, one epoch per unit.</summary>
    public static Contestant Naive(TrainingConfig config, LabeledTensors train, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(config);
        var model = Trainer.BuildSeeded(config, seed, train);
        var optimizer = optim.SGD(model.parameters(), config.LearningRate, config.Momentum);
        var generator = new Generator(seed);
        return new Contestant("naive loop", () => NaiveTrainingLoop.Epoch(model, optimizer, train, config.BatchSize, generator), () =>
        {
            generator.Dispose();
            model.Dispose();
        });
    }

    /// <summary>Epoch times of each activation's kit loop, interleaved over <paramref name="rounds"/> rounds.</summary>
    public static IReadOnlyList<Timing> Activations(TrainingConfig config, IReadOnlyList<ActivationSpec> activations, LabeledTensors train,
                                                    int rounds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(activations);
        var contestants = activations.Select(a => Kit(config with { Activation = a }, train)).ToList();
        try
        {
            return Interleaved.Run(contestants, rounds, cancellationToken);
        }
        finally
        {
            contestants.ForEach(c => c.Dispose());
        }
    }

    /// <summary>The kit's loop against the naive loop (<paramref name="config"/>'s activation), interleaved: (kit, naive).</summary>
    public static (Timing Kit, Timing Naive) KitAgainstNaive(TrainingConfig config, LabeledTensors train, int rounds,
                                                            CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        Contestant[] contestants = [Kit(config, train, name: "kit loop"), Naive(config, train)];
        try
        {
            var times = Interleaved.Run(contestants, rounds, cancellationToken);
            return (times[0], times[1]);
        }
        finally
        {
            foreach (var contestant in contestants)
            {
                contestant.Dispose();
            }
        }
    }

    /// <summary>
    /// The kit's loop on <paramref name="config"/> alone and beside one busy-looping process per CPU
    /// (<see cref="BusyCompetitors"/>, started for each of its epochs and stopped after), interleaved: (alone, busy).
    /// </summary>
    public static (Timing Alone, Timing Busy) AloneAgainstBusy(TrainingConfig config, LabeledTensors train, int rounds,
                                                              CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var alone = Kit(config, train, name: "alone");
        var busyKit = Kit(config, train, name: "busy");
        Contestant[] contestants =
        [
            alone,
            busyKit with
            {
                Run = () =>
                {
                    using var competitors = BusyCompetitors.Start();
                    return busyKit.Run();
                },
            },
        ];
        try
        {
            var times = Interleaved.Run(contestants, rounds, cancellationToken);
            return (times[0], times[1]);
        }
        finally
        {
            alone.Dispose();
            busyKit.Dispose();
        }
    }
}
