namespace PReluKit.Activations;

/// <summary>Initial values of PReLU's α that have a name.</summary>
public static class AlphaInit
{
    /// <summary>0.25, the value He et al. (2015) start from and PyTorch's default.</summary>
    public const double He = 0.25;

    /// <summary>0: the layer starts as a ReLU.</summary>
    public const double Relu = 0.0;

    /// <summary>0.01: the layer starts as PyTorch's default Leaky ReLU.</summary>
    public const double Leaky = 0.01;
}
