using PReluKit.Data.Idx;

namespace PReluKit.Data;

/// <summary>
/// The stratified subset shipped in data/: a fixed number of images per class from each split, chosen by a
/// seeded shuffle, kept in their original order, written as gzip IDX files.
/// </summary>
public static class FashionMnistSubset
{
    /// <summary>Training images per class in the shipped subset.</summary>
    public const int TrainPerClass = 1200;

    /// <summary>Test images per class in the shipped subset.</summary>
    public const int TestPerClass = 200;

    /// <summary>The seed the shipped subset was made with.</summary>
    public const int Seed = 20151;

    /// <summary>The indices chosen from <paramref name="labels"/>: <paramref name="perClass"/> of each class, ascending.</summary>
    /// <exception cref="ArgumentException">A class has fewer than <paramref name="perClass"/> samples.</exception>
    public static int[] Choose(byte[] labels, int classes, int perClass, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var random = new Random(seed);
        var chosen = new List<int>(classes * perClass);
        for (var c = 0; c < classes; c++)
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == c).ToArray();
            if (members.Length < perClass)
            {
                throw new ArgumentException($"class {c} has {members.Length} samples; the subset needs {perClass}.", nameof(perClass));
            }

            random.Shuffle(members);
            chosen.AddRange(members.Take(perClass));
        }

        chosen.Sort();
        return [.. chosen];
    }

    /// <summary>Writes the subset of <paramref name="full"/> into <paramref name="folder"/> (four .gz files, each written atomically).</summary>
    /// <exception cref="ArgumentException">A class of either split has too few images; nothing is written.</exception>
    public static void Write(ImageDataset full, string folder, int trainPerClass = TrainPerClass, int testPerClass = TestPerClass, int seed = Seed)
    {
        ArgumentNullException.ThrowIfNull(full);
        // Both splits are chosen before anything is written, so a set too small for either leaves no half-written subset.
        var splits = new[] { (full.Train, trainPerClass, "train", "training", seed), (full.Test, testPerClass, "t10k", "test", seed + 1) }
            .Select(s => (s.Item1, s.Item3, Indices: ChooseFrom(s.Item1, s.Item4, full.ClassNames.Count, s.Item2, s.Item5))).ToList();
        Directory.CreateDirectory(folder);
        foreach (var (split, prefix, indices) in splits)
        {
            IdxFile.WriteImages(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), split.Images.Select(indices));
            IdxFile.WriteLabels(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"), [.. indices.Select(i => split.Labels[i])]);
        }
    }

    private static int[] ChooseFrom(ImageSplit split, string name, int classes, int perClass, int seed)
    {
        try
        {
            return Choose(split.Labels, classes, perClass, seed);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"its {name} images are too few: {ArgumentMessages.Of(e)}", e);
        }
    }
}
