namespace PReluKit.Training;

/// <summary>One finished run: its configuration and seed, every epoch's record, and whether it diverged.</summary>
/// <param name="Config">The configuration.</param>
/// <param name="Seed">The seed (weights and batch order).</param>
/// <param name="Epochs">Epoch 0 (initialisation) and each trained epoch.</param>
/// <param name="DivergedAtEpoch">The epoch whose loss became NaN or infinite; null when the run completed.</param>
public sealed record RunResult(TrainingConfig Config, ulong Seed, IReadOnlyList<EpochRecord> Epochs, int? DivergedAtEpoch)
{
    /// <summary>True when the loss became NaN or infinite.</summary>
    public bool Diverged => DivergedAtEpoch is not null;

    /// <summary>The last epoch's record.</summary>
    public EpochRecord Final => Epochs[^1];

    /// <summary>The activation's key, as used in file names and tables.</summary>
    public string ActivationKey => Config.Activation.Key;
}
