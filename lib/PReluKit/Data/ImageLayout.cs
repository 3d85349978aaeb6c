namespace PReluKit.Data;

/// <summary>How image tensors are shaped for a model.</summary>
public enum ImageLayout
{
    /// <summary>(N, rows·cols), for MLPs.</summary>
    Flat,

    /// <summary>(N, 1, rows, cols), for CNNs.</summary>
    Image,
}
