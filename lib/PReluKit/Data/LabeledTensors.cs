using static TorchSharp.torch;

namespace PReluKit.Data;

/// <summary>Features and int64 class labels, row-aligned. Disposing it disposes both tensors.</summary>
/// <param name="Features">N×… features.</param>
/// <param name="Labels">N int64 labels.</param>
public sealed record LabeledTensors(Tensor Features, Tensor Labels) : IDisposable
{
    /// <summary>The number of samples.</summary>
    public long Count => Labels.shape[0];

    /// <inheritdoc />
    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}
