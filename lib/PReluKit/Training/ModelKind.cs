namespace PReluKit.Training;

/// <summary>The model families the harness trains.</summary>
public enum ModelKind
{
    /// <summary>The <see cref="Models.Mlp"/> on flattened images.</summary>
    Mlp,

    /// <summary>The <see cref="Models.SmallCnn"/> on N×1×28×28 images.</summary>
    Cnn,
}
