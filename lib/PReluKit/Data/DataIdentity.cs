using System.Security.Cryptography;
using static TorchSharp.torch;

namespace PReluKit.Data;

/// <summary>
/// The data a run trained and was tested on: its name, sizes, and a fingerprint of the exact tensors (normalised
/// pixels and labels of both splits, in order), so that two runs on different data can never be taken for one another.
/// </summary>
/// <param name="Name">Where the data comes from, e.g. "Fashion-MNIST subset, first 2,000".</param>
/// <param name="TrainSamples">Training samples.</param>
/// <param name="TestSamples">Test samples.</param>
/// <param name="Fingerprint">SHA-256 (hex, first 16 digits) of the four tensors' bytes.</param>
public sealed record DataIdentity(string Name, long TrainSamples, long TestSamples, string Fingerprint)
{
    /// <summary>The identity of a training and test set.</summary>
    public static DataIdentity Of(LabeledTensors train, LabeledTensors test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var tensor in new[] { train.Features, train.Labels, test.Features, test.Labels })
        {
            using var scope = NewDisposeScope();
            var cpu = tensor.device_type == TorchSharp.DeviceType.CPU && tensor.is_contiguous() ? tensor : tensor.cpu().contiguous();
            hash.AppendData(BitConverter.GetBytes((long)cpu.dtype));
            foreach (var size in cpu.shape)
            {
                hash.AppendData(BitConverter.GetBytes(size));
            }

            hash.AppendData(cpu.bytes);
        }

        return new DataIdentity(train.Name, train.Count, test.Count, Convert.ToHexStringLower(hash.GetHashAndReset())[..16]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({TrainSamples:N0} + {TestSamples:N0} images, {Fingerprint})";
}
