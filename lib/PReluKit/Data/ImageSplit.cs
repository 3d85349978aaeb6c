using System.Runtime.InteropServices;
using PReluKit.Data.Idx;
using static TorchSharp.torch;

namespace PReluKit.Data;

/// <summary>One split (train or test) of an image classification set, as raw bytes.</summary>
/// <param name="Images">The images.</param>
/// <param name="Labels">One label per image.</param>
public sealed record ImageSplit(IdxImages Images, byte[] Labels)
{
    /// <summary>Number of samples.</summary>
    public int Count => Labels.Length;

    /// <summary>
    /// Normalised float32 features, (x / 255 − <paramref name="mean"/>) / <paramref name="std"/>, shaped by
    /// <paramref name="layout"/>, and int64 labels, named <paramref name="name"/>.
    /// </summary>
    public LabeledTensors ToTensors(ImageLayout layout, double mean, double std, string name = "data")
    {
        Native.TorchNative.EnsureLoaded();
        long[] shape = layout == ImageLayout.Flat
            ? [Count, Images.ImageSize]
            : [Count, 1, Images.Rows, Images.Columns];
        // Fill the tensor's own memory through a 256-entry table: one pass, no intermediate float array.
        var table = new float[256];
        for (var v = 0; v < table.Length; v++)
        {
            table[v] = (float)(((v / 255.0) - mean) / std);
        }

        var features = empty(shape, ScalarType.Float32);
        var pixels = Images.Pixels;
        var size = Images.ImageSize;
        const int chunk = 1024; // images per parallel work item
        Parallel.For(0, (Count + chunk - 1) / chunk, c =>
        {
            var values = MemoryMarshal.Cast<byte, float>(features.bytes);
            var end = Math.Min(Count, (c + 1) * chunk) * size;
            for (var j = c * chunk * size; j < end; j++)
            {
                values[j] = table[pixels[j]];
            }
        });

        var labels = Array.ConvertAll(Labels, l => (long)l);
        return new LabeledTensors(features, tensor(labels)) { Name = name };
    }
}
