using PReluKit.Data;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Data;

public class ShippedSubsetTests
{
    private static string SubsetFolder => RepositoryRoot.Combine("data", FashionMnist.SubsetFolderName);

    [Fact]
    public void The_shipped_subset_is_stratified_and_small()
    {
        var subset = FashionMnist.LoadSubset(new FashionMnistOptions { RepositoryDataFolder = RepositoryRoot.Combine("data") });
        Assert.Equal(12_000, subset.Train.Count);
        Assert.Equal(2_000, subset.Test.Count);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(1_200, subset.Train.Labels.Count(l => l == c)));
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(200, subset.Test.Labels.Count(l => l == c)));
        Assert.Equal((28, 28), (subset.Train.Images.Rows, subset.Train.Images.Columns));

        // Two budgets: the subset (and what documents it), and the recorded experiments' run files.
        var files = Directory.EnumerateFiles(RepositoryRoot.Combine("data"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(FashionMnist.FullFolderName, StringComparison.Ordinal)).ToList();
        var recorded = Path.Combine(RepositoryRoot.Combine("data"), "recorded") + Path.DirectorySeparatorChar;
        var subsetBytes = files.Where(f => !f.StartsWith(recorded, StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        var recordedBytes = files.Where(f => f.StartsWith(recorded, StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        Assert.True(subsetBytes < 8 * 1024 * 1024, $"data/ without recorded/ holds {subsetBytes:N0} bytes; keep it under 8 MB");
        // Two comparisons (4.7 MB) and the depth × learning-rate sweep's 240 runs (18 MB; deep nets keep per-layer records).
        Assert.True(recordedBytes < 24 * 1024 * 1024, $"data/recorded holds {recordedBytes:N0} bytes; keep it under 24 MB");
    }

    [Fact]
    public void The_subset_ships_with_its_licence_and_recipe()
    {
        Assert.Contains("MIT", File.ReadAllText(RepositoryRoot.Combine("data", "LICENSE-fashion-mnist.txt")));
        var readme = File.ReadAllText(RepositoryRoot.Combine("data", "README.md"));
        Assert.Contains("-- data subset", readme);
        Assert.Contains(FashionMnistSubset.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), readme);
    }

    [Fact]
    public void Choose_takes_the_same_count_per_class_in_ascending_order_and_depends_on_the_seed()
    {
        var labels = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7 % 10)).ToArray();
        var chosen = FashionMnistSubset.Choose(labels, 10, 20, seed: 1);
        Assert.Equal(200, chosen.Length);
        Assert.Equal(chosen.Order(), chosen);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(20, chosen.Count(i => labels[i] == c)));
        Assert.Equal(chosen, FashionMnistSubset.Choose(labels, 10, 20, seed: 1));
        Assert.NotEqual(chosen, FashionMnistSubset.Choose(labels, 10, 20, seed: 2));
        Assert.Throws<ArgumentException>(() => FashionMnistSubset.Choose(labels, 10, 101, seed: 1));
    }

    [FullDatasetFact]
    public void Regenerating_the_subset_from_the_full_set_reproduces_the_shipped_files_byte_for_byte()
    {
        using var output = new TempFolder();
        FashionMnistSubset.Write(FashionMnist.LoadFull(new FashionMnistOptions { AllowDownload = false }), output.Path);
        foreach (var name in IdxFolder.FileNames.Select(n => n + ".gz"))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(SubsetFolder, name)).SequenceEqual(File.ReadAllBytes(output.Combine(name))), $"{name} differs from the shipped file");
        }
    }

    [FullDatasetFact]
    public void The_full_set_has_sixty_thousand_training_and_ten_thousand_test_images()
    {
        var full = FashionMnist.LoadFull(new FashionMnistOptions { AllowDownload = false });
        Assert.Equal(60_000, full.Train.Count);
        Assert.Equal(10_000, full.Test.Count);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(6_000, full.Train.Labels.Count(l => l == c)));
    }
}
