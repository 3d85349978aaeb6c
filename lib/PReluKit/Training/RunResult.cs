using System.Text.Json.Serialization;
using PReluKit.Data;

namespace PReluKit.Training;

/// <summary>One finished run: its configuration and seed, every epoch's record, and how it ended (<see cref="Outcome"/>).</summary>
/// <param name="Config">The configuration.</param>
/// <param name="Seed">The seed (weights and batch order).</param>
/// <param name="Epochs">Epoch 0 (initialisation) and each trained epoch.</param>
/// <param name="DivergedAtEpoch">
/// The epoch in which training stopped because a loss became NaN or infinite: a training batch loss (the epoch has no record)
/// or its test loss (the epoch's record is the last); null when the run went through every epoch.
/// </param>
public sealed record RunResult(TrainingConfig Config, ulong Seed, IReadOnlyList<EpochRecord> Epochs, int? DivergedAtEpoch)
{
    /// <summary>The data it trained and was tested on; null for a run made outside a comparison.</summary>
    public DataIdentity? Data { get; init; }

    /// <summary>Intra-op threads it ran with (they change the result's bits); null when not recorded.</summary>
    public int? Threads { get; init; }

    /// <summary>The kit's numerics version it was made with (<see cref="Trainer.NumericsVersion"/>).</summary>
    public int Numerics { get; init; } = Trainer.NumericsVersion;

    /// <summary>The machine it was timed on; null for runs recorded before hosts were (they are taken as timed on one machine).</summary>
    public HostIdentity? Host { get; init; }

    /// <summary>
    /// How the run ended, by <see cref="FailureRule"/> over its records: written into the run's file, and decided again from
    /// the records whenever a file is read (files of older kits lack it), so the one rule decides everywhere.
    /// </summary>
    public RunOutcome Outcome => FailureRule.Decide(Config, Epochs, DivergedAtEpoch);

    /// <summary>True when the run diverged or collapsed to chance: it is counted apart and left out of every statistic.</summary>
    [JsonIgnore]
    public bool Failed => Outcome.Failed;

    /// <summary>True when a loss became NaN or infinite.</summary>
    [JsonIgnore]
    public bool Diverged => Outcome.Kind == RunOutcomeKind.Diverged;

    /// <summary>The last epoch's record.</summary>
    [JsonIgnore]
    public EpochRecord Final => Epochs[^1];

    /// <summary>The activation's key, as used in file names and tables.</summary>
    [JsonIgnore]
    public string ActivationKey => Config.Activation.Key;
}
