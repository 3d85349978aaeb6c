using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace PReluKit.Kernels;

/// <summary>The training loop's accuracy count, read straight from tensor memory.</summary>
internal static class CorrectPredictions
{
    /// <summary>
    /// How many rows of <paramref name="logits"/> have their maximum at the label (the first maximum on ties, as argmax).
    /// On CPU this reads the tensors' memory directly instead of running three tensor ops per batch (argmax, eq, sum),
    /// whose per-call cost is a visible share of a small model's step.
    /// </summary>
    internal static long Count(Tensor logits, Tensor labels)
    {
        if (logits.device_type != TorchSharp.DeviceType.CPU || logits.dtype != ScalarType.Float32 || !logits.is_contiguous() || !labels.is_contiguous())
        {
            using var correct = logits.argmax(1).eq(labels).sum();
            return correct.item<long>();
        }

        var values = MemoryMarshal.Cast<byte, float>(logits.bytes);
        var targets = MemoryMarshal.Cast<byte, long>(labels.bytes);
        var classes = (int)logits.shape[1];
        long count = 0;
        for (var row = 0; row < targets.Length; row++)
        {
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (values[(row * classes) + c] > values[(row * classes) + best])
                {
                    best = c;
                }
            }

            count += best == targets[row] ? 1 : 0;
        }

        return count;
    }
}
