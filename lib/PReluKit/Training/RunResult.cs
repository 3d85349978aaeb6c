using System.Text.Json.Serialization;
using PReluKit.Data;

namespace PReluKit.Training;

/// <summary>One finished run: its configuration and seed, every epoch's record, and whether it diverged.</summary>
/// <param name="Config">The configuration.</param>
/// <param name="Seed">The seed (weights and batch order).</param>
/// <param name="Epochs">Epoch 0 (initialisation) and each trained epoch.</param>
/// <param name="DivergedAtEpoch">The epoch whose loss became NaN or infinite; null when the run completed.</param>
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

    /// <summary>True when the loss became NaN or infinite.</summary>
    [JsonIgnore]
    public bool Diverged => DivergedAtEpoch is not null;

    /// <summary>The last epoch's record.</summary>
    [JsonIgnore]
    public EpochRecord Final => Epochs[^1];

    /// <summary>The activation's key, as used in file names and tables.</summary>
    [JsonIgnore]
    public string ActivationKey => Config.Activation.Key;
}
