using static TorchSharp.torch;

namespace PReluKit.Benchmarking;

/// <summary>An activation to time, made for a given channel count (channel-wise PReLU needs it).</summary>
/// <param name="Name">How tables and charts name it.</param>
/// <param name="Create">Builds the module for C channels.</param>
public sealed record ActivationCandidate(string Name, Func<long, nn.Module<Tensor, Tensor>> Create);
