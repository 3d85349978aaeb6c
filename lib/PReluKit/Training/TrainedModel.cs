using static TorchSharp.torch;

namespace PReluKit.Training;

/// <summary>A finished run with its trained model; disposing disposes the model.</summary>
/// <param name="Result">What the run measured.</param>
/// <param name="Model">The model after training (or at divergence).</param>
public sealed record TrainedModel(RunResult Result, nn.Module<Tensor, Tensor> Model) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
