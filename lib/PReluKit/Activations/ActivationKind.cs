namespace PReluKit.Activations;

/// <summary>The members of the rectifier family the kit compares.</summary>
public enum ActivationKind
{
    /// <summary>max(0, x).</summary>
    ReLU,

    /// <summary>max(0, x) + s·min(0, x) with a fixed slope s.</summary>
    LeakyReLU,

    /// <summary>PReLU with one α for the whole layer.</summary>
    PReLUShared,

    /// <summary>PReLU with one α per channel (dense feature or conv channel).</summary>
    PReLUChannelWise,

    /// <summary>Randomised leaky ReLU: slope ~ U(lower, upper) in training, the mean in evaluation.</summary>
    RReLU,

    /// <summary>x for x &gt; 0, α(eˣ − 1) otherwise.</summary>
    ELU,

    /// <summary>Scaled ELU with the fixed constants of Klambauer et al. (2017).</summary>
    SELU,
}
