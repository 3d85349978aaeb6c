using PReluKit.Data;
using PReluKit.Data.Idx;

namespace PReluKit.Tests.Infrastructure;

/// <summary>Writes small, valid IDX sets whose sizes identify them.</summary>
internal static class TinyIdxSet
{
    public static void Write(string folder, int trainCount, int testCount = 3, bool gzip = true)
    {
        Directory.CreateDirectory(folder);
        var suffix = gzip ? ".gz" : "";
        foreach (var (prefix, count) in new[] { ("train", trainCount), ("t10k", testCount) })
        {
            var pixels = Enumerable.Range(0, count * 4).Select(i => (byte)(i * 37 % 256)).ToArray();
            IdxFile.WriteImages(Path.Combine(folder, $"{prefix}-images-idx3-ubyte{suffix}"), new IdxImages(pixels, count, 2, 2));
            IdxFile.WriteLabels(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte{suffix}"), Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray());
        }
    }

    public static int TrainCountIn(string folder) => FashionMnist.LoadFolder(folder, "test").Train.Count;
}
