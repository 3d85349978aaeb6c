using System.Text.Json.Serialization;

namespace PReluKit.Training;

/// <summary>How a run ended and why, as <see cref="FailureRule.Decide"/> reads its records.</summary>
/// <param name="Kind">Trained, diverged or collapsed.</param>
/// <param name="Epoch">The epoch in which the run failed (diverged or, for a collapse, its last epoch); null when it trained.</param>
/// <param name="Reason">One line for people: what failed, with the number that decided it.</param>
public sealed record RunOutcome(RunOutcomeKind Kind, int? Epoch, string Reason)
{
    /// <summary>A run that trained.</summary>
    public static readonly RunOutcome Trained = new(RunOutcomeKind.Trained, null, "trained");

    /// <summary>True when the run diverged or collapsed: it is counted apart and left out of every statistic.</summary>
    [JsonIgnore]
    public bool Failed => Kind != RunOutcomeKind.Trained;
}
