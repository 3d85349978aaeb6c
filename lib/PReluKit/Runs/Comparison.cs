using PReluKit.Data;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Runs;

/// <summary>
/// Runs a <see cref="ComparisonConfig"/> into a <see cref="RunStore"/>: finished runs of the same identity found in the
/// store are reused, each new run is saved as soon as it ends, a diverged run is recorded and the comparison goes on, and
/// cancellation stops after the runs already saved. Runs of other settings or data in the store are left alone.
/// </summary>
public static class Comparison
{
    /// <summary>The identity the comparison's runs share on this data with the current thread count.</summary>
    public static ComparisonIdentity IdentityOf(ComparisonConfig config, LabeledTensors train, LabeledTensors test)
    {
        ArgumentNullException.ThrowIfNull(config);
        Native.TorchNative.EnsureLoaded();
        return ComparisonIdentity.Of(config.Training, DataIdentity.Of(train, test), get_num_threads());
    }

    /// <summary>
    /// Runs every (activation, seed) pair of <paramref name="config"/> — or of one <paramref name="shard"/> of it — not already
    /// in <paramref name="store"/>, holding the folder's writer lock meanwhile.
    /// </summary>
    /// <returns>The runs (found or new), in execution order.</returns>
    /// <exception cref="OperationCanceledException">Cancelled; the runs finished before it are saved.</exception>
    /// <exception cref="IOException">Another process is writing into the store's folder.</exception>
    public static IReadOnlyList<RunResult> Run(ComparisonConfig config, LabeledTensors train, LabeledTensors test, RunStore store,
                                               IProgress<TrainingEvent>? progress = null, CancellationToken cancellationToken = default,
                                               Shard? shard = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(store);
        if (config.Activations.Count == 0 || config.Seeds.Count == 0)
        {
            throw new ArgumentException("comparison: give at least one activation and one seed.", nameof(config));
        }

        using var writer = store.Lock("a comparison");
        var identity = IdentityOf(config, train, test);
        var runs = config.Runs(shard).Select(r => new RunIdentity(identity, r.Config, r.Seed)).ToList();
        if (runs.Any(r => !File.Exists(store.PathFor(r))))
        {
            WarmUp(config, train, cancellationToken);
        }

        var results = new List<RunResult>(runs.Count);
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            if (store.TryLoad(run) is { } done)
            {
                results.Add(done);
                progress?.Report(new RunFinished(done, Skipped: true));
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new RunStarted(run.Config, run.Seed, i, runs.Count));
            var result = Trainer.Run(run.Config, run.Seed, train, test, progress, cancellationToken) with { Data = identity.Data, Host = HostIdentity.Current };
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
