using PReluKit.Training;

namespace PReluKit.Runs;

/// <summary>Everything that changes a run's result: its comparison's identity, its activation and its seed.</summary>
/// <param name="Comparison">Settings, data, threads and numerics.</param>
/// <param name="Config">The run's configuration (with its activation).</param>
/// <param name="Seed">The seed.</param>
public sealed record RunIdentity(ComparisonIdentity Comparison, TrainingConfig Config, ulong Seed)
{
    /// <summary>Same comparison, same activation, same seed (the other settings are in <see cref="Comparison"/>).</summary>
    public bool Equals(RunIdentity? other) =>
        other is not null && Comparison == other.Comparison && Config.Activation == other.Config.Activation && Seed == other.Seed;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Comparison, Config.Activation, Seed);

    /// <summary>The run file's name: <c>mlp-prelu_0.25-seed3-1a2b3c4d.json</c> (model, activation, seed, comparison key).</summary>
    public string FileName =>
        $"{Config.Member.Key}-{Config.Activation.Canonical.Replace(':', '_')}-seed{Seed}-{Comparison.Key}.json";
}
