namespace PReluKit.Training;

/// <summary>How a run ended, by the kit's one failure rule (<see cref="FailureRule"/>).</summary>
public enum RunOutcomeKind
{
    /// <summary>Every loss stayed finite and the final test accuracy is above chance: the run counts in the statistics.</summary>
    Trained,

    /// <summary>A training batch loss or a test loss became NaN or infinite.</summary>
    Diverged,

    /// <summary>The losses stayed finite but the run ended at chance accuracy: it learned nothing.</summary>
    Collapsed,
}
