namespace PReluKit.Models;

/// <summary>The model families the harness trains.</summary>
public enum ModelKind
{
    /// <summary>The <see cref="Mlp"/> on flattened images.</summary>
    Mlp,

    /// <summary>The <see cref="SmallCnn"/> on N×1×28×28 images.</summary>
    Cnn,

    /// <summary>The <see cref="PlainCnn"/>, eight conv layers without normalisation, on N×1×28×28 images.</summary>
    PlainCnn,
}
