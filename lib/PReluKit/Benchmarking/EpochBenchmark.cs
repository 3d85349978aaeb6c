using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Benchmarking;

/// <summary>
/// Epoch-time measurements of the kit's training loop: against the naive loop, and PReLU against ReLU. Runs
/// alternate between the contestants so drift in machine speed hits both alike; each contestant's first epoch is
/// discarded as warm-up.
/// </summary>
public static class EpochBenchmark
{
    /// <summary>Median epoch seconds of the kit's loop (<see cref="Trainer"/>) and of <see cref="NaiveTrainingLoop"/>.</summary>
    public static (Timing Kit, Timing Naive) KitAgainstNaive(TrainingConfig config, LabeledTensors train, LabeledTensors test, int repeats, int epochs,
                                                            CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var kit = new List<double>();
        var naive = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            kit.AddRange(KitEpochs(config, (ulong)r, train, test, epochs, cancellationToken));
            naive.AddRange(NaiveEpochs(config, (ulong)r, train, epochs, cancellationToken));
        }

        return (new Timing("kit loop", kit), new Timing("naive loop", naive));
    }

    /// <summary>Median epoch seconds of the kit's loop for each activation, alternating between them.</summary>
    public static IReadOnlyList<Timing> Activations(TrainingConfig config, IReadOnlyList<ActivationSpec> activations, LabeledTensors train,
                                                    LabeledTensors test, int repeats, int epochs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(activations);
        var times = activations.Select(_ => new List<double>()).ToList();
        for (var r = 0; r < repeats; r++)
        {
            for (var a = 0; a < activations.Count; a++)
            {
                times[a].AddRange(KitEpochs(config with { Activation = activations[a] }, (ulong)r, train, test, epochs, cancellationToken));
            }
        }

        return [.. activations.Select((a, i) => new Timing(a.DisplayName, times[i]))];
    }

    private static IEnumerable<double> KitEpochs(TrainingConfig config, ulong seed, LabeledTensors train, LabeledTensors test, int epochs,
                                                 CancellationToken cancellationToken)
    {
        // A small dead-neuron sample keeps the untimed evaluation between epochs short.
        var run = Trainer.Run(config with { Epochs = epochs + 1, DeadSampleLimit = 256 }, seed, train, test, cancellationToken: cancellationToken);
        return run.Epochs.Skip(2).Select(e => e.Seconds);
    }

    private static IEnumerable<double> NaiveEpochs(TrainingConfig config, ulong seed, LabeledTensors train, int epochs, CancellationToken cancellationToken)
    {
        using var model = Trainer.Build(config, seed, train);
        var optimizer = optim.SGD(model.parameters(), config.LearningRate, config.Momentum);
        using var generator = new Generator(seed);
        var seconds = new List<double>();
        for (var e = 0; e <= epochs; e++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            seconds.Add(NaiveTrainingLoop.Epoch(model, optimizer, train, config.BatchSize, generator));
        }

        return seconds.Skip(1);
    }
}
