using PReluKit.Activations;
using PReluKit.Training;

namespace PReluKit.Runs;

/// <summary>Activations × seeds on one training configuration (paired: each seed shares weights and batch order).</summary>
/// <param name="Training">Everything but the activation, which each run replaces.</param>
/// <param name="Activations">The activations compared; the first ReLU among them is the baseline.</param>
/// <param name="Seeds">The seeds.</param>
public sealed record ComparisonConfig(TrainingConfig Training, IReadOnlyList<ActivationSpec> Activations, IReadOnlyList<ulong> Seeds)
{
    /// <summary>The runs in the order they execute: seed by seed, every activation per seed, so partial results stay paired.</summary>
    /// <param name="shard">Only this shard's runs; all of them when null.</param>
    public IEnumerable<(TrainingConfig Config, ulong Seed)> Runs(Shard? shard = null) =>
        Seeds.SelectMany(seed => Activations.Select(a => (Training with { Activation = a }, seed))).Where((_, i) => shard?.Contains(i) ?? true);
}
