using PReluKit.Data;
using PReluKit.Data.Idx;

namespace PReluKit.Tests.Infrastructure;

/// <summary>Writes small, valid IDX sets whose sizes identify them.</summary>
internal static class TinyIdxSet
{
    /// <summary>Writes <paramref name="trainCount"/> and <paramref name="testCount"/> images of 2×2 pixels (test images <paramref name="testSize"/>²), labels 0, 1, 2, … (shifted by <paramref name="labelShift"/>).</summary>
    public static void Write(string folder, int trainCount, int testCount = 3, bool gzip = true, int testSize = 2, int labelShift = 0)
    {
        Directory.CreateDirectory(folder);
        var suffix = gzip ? ".gz" : "";
        foreach (var (prefix, count, size) in new[] { ("train", trainCount, 2), ("t10k", testCount, testSize) })
        {
            var pixels = Enumerable.Range(0, count * size * size).Select(i => (byte)(i * 37 % 256)).ToArray();
            IdxFile.WriteImages(Path.Combine(folder, $"{prefix}-images-idx3-ubyte{suffix}"), new IdxImages(pixels, count, size, size));
            IdxFile.WriteLabels(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte{suffix}"), Enumerable.Range(0, count).Select(i => (byte)((i + labelShift) % 10)).ToArray());
        }
    }

    public static int TrainCountIn(string folder) => FashionMnist.LoadFolder(folder, "test").Train.Count;
}
