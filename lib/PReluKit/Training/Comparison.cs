using PReluKit.Data;

namespace PReluKit.Training;

/// <summary>
/// Runs a <see cref="ComparisonConfig"/> into a <see cref="RunStore"/>: finished runs found in the store are skipped,
/// each new run is saved as soon as it ends, a diverged run is recorded and the comparison goes on, and cancellation
/// stops after the runs already saved.
/// </summary>
public static class Comparison
{
    /// <summary>Runs every (activation, seed) pair not already in <paramref name="store"/>.</summary>
    /// <returns>All runs of the comparison, in execution order.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; the runs finished before it are saved.</exception>
    public static IReadOnlyList<RunResult> Run(ComparisonConfig config, LabeledTensors train, LabeledTensors test, RunStore store,
                                               IProgress<TrainingEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(store);
        if (config.Activations.Count == 0 || config.Seeds.Count == 0)
        {
            throw new ArgumentException("comparison: give at least one activation and one seed.", nameof(config));
        }

        var runs = config.Runs().ToList();
        if (runs.Any(r => !File.Exists(store.PathFor(r.Config, r.Seed))))
        {
            WarmUp(config, train, cancellationToken);
        }

        var results = new List<RunResult>(runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            var (runConfig, seed) = runs[i];
            if (store.TryLoad(runConfig, seed) is { } done)
            {
                results.Add(done);
                progress?.Report(new RunFinished(done, Skipped: true));
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new RunStarted(runConfig, seed, i, runs.Count));
            var result = Trainer.Run(runConfig, seed, train, test, progress, cancellationToken);
            store.Save(result);
            results.Add(result);
            progress?.Report(new RunFinished(result, Skipped: false));
        }

        return results;
    }

    /// <summary>
    /// A few untimed training steps per activation before the first timed run, so JIT compilation and allocator
    /// warm-up do not land in the first run's epoch times (they made ReLU, run first, look slowest).
    /// </summary>
    private static void WarmUp(ComparisonConfig config, LabeledTensors train, CancellationToken cancellationToken)
    {
        var steps = Math.Min(5, (int)((train.Count + config.Training.BatchSize - 1) / config.Training.BatchSize));
        using var slice = new LabeledTensors(train.Features.narrow(0, 0, Math.Min(train.Count, (long)steps * config.Training.BatchSize)),
                                             train.Labels.narrow(0, 0, Math.Min(train.Count, (long)steps * config.Training.BatchSize)));
        foreach (var activation in config.Activations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Trainer.WarmUp(config.Training with { Activation = activation }, slice);
        }
    }
}
