namespace PReluKit.Benchmarking;

/// <summary>The shape an activation is timed on: dense N×C features, or convolutional N×C×H×W maps.</summary>
/// <param name="Name">"dense" or "conv".</param>
/// <param name="Channels">C, the size of dim 1 (PReLU's channel dim).</param>
/// <param name="Height">H (1 for dense).</param>
/// <param name="Width">W (1 for dense).</param>
public sealed record TensorLayout(string Name, long Channels, long Height, long Width)
{
    /// <summary>N×256, a hidden layer of the kit's MLP.</summary>
    public static TensorLayout Dense { get; } = new("dense", 256, 1, 1);

    /// <summary>N×16×32×32, early convolution maps.</summary>
    public static TensorLayout Conv { get; } = new("conv", 16, 32, 32);

    /// <summary>The shape with about <paramref name="elements"/> elements (N rounded down, at least 1).</summary>
    public long[] Shape(long elements)
    {
        var perSample = Channels * Height * Width;
        var n = Math.Max(1, elements / perSample);
        return Height * Width == 1 ? [n, Channels] : [n, Channels, Height, Width];
    }
}
