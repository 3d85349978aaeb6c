using PReluKit.Activations;
using PReluKit.Data;

namespace PReluKit.Runs;

/// <summary>
/// What a recorded experiment was planned to hold, written when it was recorded and kept apart from what the runs say about
/// themselves: every (activation, seed) pair, the epochs and the data. Loading checks the folder's <c>comparison.json</c>
/// and every run file against it, so a comparison edited to list fewer runs, or retrained on other data, is refused.
/// <c>plan.json</c> of a single recorded comparison; <see cref="SweepPlan.EveryCell"/> for every cell of a sweep.
/// </summary>
/// <param name="Activations">The activations compared, in order.</param>
/// <param name="Seeds">The seeds, in order.</param>
/// <param name="Epochs">Epochs of every run.</param>
/// <param name="Data">The data every run trained and was tested on (name, sizes and fingerprint).</param>
public sealed record RecordedPlan(IReadOnlyList<ActivationSpec> Activations, IReadOnlyList<ulong> Seeds, int Epochs, DataIdentity Data)
{
    /// <summary>The plan's file name in a recorded comparison's folder.</summary>
    public const string FileName = "plan.json";
}
