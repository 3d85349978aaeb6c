using System.Globalization;

namespace PReluKit.Training;

/// <summary>
/// The kit's one rule for a failed run, applied to a run's records wherever a run is made or read (the trainer, stored
/// runs of any age, summaries, comparisons, resume and merge): a run fails when a loss after a trained epoch is not finite
/// (a training batch loss or the test loss: <see cref="RunOutcomeKind.Diverged"/>), or when it ends at chance accuracy
/// (<see cref="RunOutcomeKind.Collapsed"/>).
/// </summary>
public static class FailureRule
{
    /// <summary>
    /// A run whose final test accuracy is at most this multiple of chance (1 / classes) failed: 1.5 gives 15 % on 10 classes.
    /// Chance is 10 % there; the margin of half of chance absorbs the luck of a small test set, while a run that learned
    /// anything on Fashion-MNIST (even one epoch on the shipped subset) ends far above it.
    /// </summary>
    public const double ChanceMultiple = 1.5;

    /// <summary>The highest final test accuracy (a share) that counts as chance for <paramref name="classes"/> classes.</summary>
    public static double ChanceAccuracy(int classes) => ChanceMultiple / classes;

    /// <summary>True when <paramref name="record"/>, a trained epoch, has a loss that is NaN or infinite (epoch 0, the untrained model, never fails).</summary>
    public static bool LossFailed(EpochRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Epoch > 0 && (!double.IsFinite(record.TestLoss) || !double.IsFinite(record.TrainLoss));
    }

    /// <summary>
    /// How the run of <paramref name="config"/> with <paramref name="epochs"/> ended; <paramref name="stoppedAtEpoch"/> is the epoch in
    /// which training stopped on a loss that was not finite (null when it ran to the end). Incomplete input (a damaged file
    /// being read) gives <see cref="RunOutcome.Trained"/>: the file's checks refuse it.
    /// </summary>
    public static RunOutcome Decide(TrainingConfig? config, IReadOnlyList<EpochRecord?>? epochs, int? stoppedAtEpoch)
    {
        if (config is null || epochs is null || epochs.Count == 0 || epochs.Any(e => e is null) || config.Classes < 1)
        {
            return RunOutcome.Trained;
        }

        if (epochs.FirstOrDefault(e => LossFailed(e!)) is { } failed)
        {
            var loss = double.IsFinite(failed.TestLoss) ? $"the training loss was {Format(failed.TrainLoss)}" : $"the test loss was {Format(failed.TestLoss)}";
            return new RunOutcome(RunOutcomeKind.Diverged, failed.Epoch, $"diverged in epoch {failed.Epoch}: {loss}");
        }

        if (stoppedAtEpoch is { } stopped)
        {
            return new RunOutcome(RunOutcomeKind.Diverged, stopped, $"diverged in epoch {stopped}: a training batch loss was NaN or infinite");
        }

        var final = epochs[^1]!;
        var chance = ChanceAccuracy(config.Classes);
        return final.Epoch > 0 && final.TestAccuracy <= chance
            ? new RunOutcome(RunOutcomeKind.Collapsed, final.Epoch,
                $"collapsed: test accuracy {final.TestAccuracy.ToString("P1", CultureInfo.InvariantCulture)} after epoch {final.Epoch}, " +
                $"at chance (≤ {chance.ToString("P0", CultureInfo.InvariantCulture)} on {config.Classes} classes)")
            : RunOutcome.Trained;
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
