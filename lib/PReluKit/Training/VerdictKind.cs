namespace PReluKit.Training;

/// <summary>What the paired accuracy difference of an activation against the baseline says.</summary>
public enum VerdictKind
{
    /// <summary>This row is the baseline (ReLU).</summary>
    Baseline,

    /// <summary>No ReLU runs to compare with.</summary>
    NoBaseline,

    /// <summary>No completed run shares a seed with a completed baseline run.</summary>
    NoPairs,

    /// <summary>One pair only: no interval.</summary>
    SingleSeed,

    /// <summary>The 95 % interval of the paired difference covers 0.</summary>
    NotConfirmed,

    /// <summary>The interval lies above 0.</summary>
    Higher,

    /// <summary>The interval lies below 0.</summary>
    Lower,
}
