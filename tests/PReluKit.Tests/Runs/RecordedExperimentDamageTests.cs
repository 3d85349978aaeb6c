using PReluKit.Runs;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Runs;

/// <summary>Issue 20, cases 10, 19 and 20: a damaged or incomplete recorded experiment is refused as --merge refuses it, naming the file; a load creates nothing.</summary>
public class RecordedExperimentDamageTests
{
    private const string Name = "cnn-full";

    [Fact]
    public void Case10_an_incomplete_experiment_is_refused_as_merge_refuses_it()
    {
        using var data = Copy();
        var runs = Path.Combine(data.Path, RecordedExperiment.FolderName, Name, "runs");
        File.Delete(Directory.GetFiles(runs, "cnn-prelu_0.25-seed3-*.json").Single());
        RecordedCopy.Reseal(data, Name); // past the hash manifest, to the check of the runs
        var one = Assert.Throws<InvalidDataException>(() => RecordedExperiment.Load(Name, data.Path));
        Assert.Contains("1 of 40 runs are in none of", one.Message);
        Assert.Contains("seed 3", one.Message);

        foreach (var file in Directory.GetFiles(runs, "cnn-prelu_*.json"))
        {
            File.Delete(file);
        }

        RecordedCopy.Reseal(data, Name);
        Assert.Contains("runs are in none of", Assert.Throws<InvalidDataException>(() => RecordedExperiment.Load(Name, data.Path)).Message);
    }

    [Fact]
    public void Case10_a_run_whose_content_names_another_seed_is_refused_naming_the_file()
    {
        using var data = Copy();
        var runs = Path.Combine(data.Path, RecordedExperiment.FolderName, Name, "runs");
        var (seed0, seed1) = (Directory.GetFiles(runs, "cnn-relu-seed0-*.json").Single(), Directory.GetFiles(runs, "cnn-relu-seed1-*.json").Single());
        File.Copy(seed0, seed1, overwrite: true);
        RecordedCopy.Reseal(data, Name);
        var error = Assert.Throws<InvalidDataException>(() => RecordedExperiment.Load(Name, data.Path));
        Assert.Contains(seed1, error.Message);
    }

    [Theory]
    [InlineData("null", "holds null")]
    [InlineData("{\"Commit\": \"df583a9\", \"Command\": \"c\", \"Machine\": \"m\", \"Started\": \"2025-01-01T00:00:00+00:00\", \"WallSeconds\": 1, \"Threads\": 4, \"Numerics\": \"0123456789abcdef\"}", "40-digit")]
    [InlineData("{\"Commit\": ", "not a valid")]
    public void Case20_a_damaged_provenance_is_refused_naming_the_file(string content, string expected)
    {
        using var data = Copy();
        var path = Path.Combine(data.Path, RecordedExperiment.FolderName, Name, ExperimentProvenance.FileName);
        File.WriteAllText(path, content);
        RecordedCopy.Reseal(data, Name);
        var error = Assert.Throws<InvalidDataException>(() => RecordedExperiment.Load(Name, data.Path));
        Assert.Contains(path, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Case19_loading_a_name_that_does_not_exist_creates_nothing()
    {
        using var data = new TempFolder();
        Assert.Throws<FileNotFoundException>(() => RecordedExperiment.Load("typo", data.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(data.Path));
    }

    private static TempFolder Copy() => RecordedCopy.Of(Name);
}
