using System.Text.Json.Nodes;
using PReluKit.Activations;
using PReluKit.Runs;
using PReluKit.Summaries;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Runs;

/// <summary>The depth × learning-rate sweep shipped in data/recorded/depth-lr: complete, as planned, and reproducible.</summary>
[Collection(SerialCollection.Name)] // sets the process's thread count
public class RecordedSweepTests
{
    private static string Data => RepositoryRoot.Combine("data");

    [Fact]
    public void The_shipped_sweep_holds_every_cell_of_its_plan_with_every_run()
    {
        var sweep = RecordedSweep.Load("depth-lr", Data);

        Assert.Equal([2, 4, 8, 12], sweep.Depths);
        Assert.Equal(4, sweep.LearningRates.Count);
        Assert.Equal(sweep.Depths.Count * sweep.LearningRates.Count, sweep.Cells.Count);
        foreach (var cell in sweep.Cells)
        {
            var config = cell.Experiment.Manifest.Config;
            Assert.True(config.Seeds.Count >= 5, $"{cell.Experiment.Name}: {config.Seeds.Count} seeds");
            Assert.Equal([ActivationKind.ReLU, ActivationKind.LeakyReLU, ActivationKind.PReLUChannelWise], config.Activations.Select(a => a.Kind));
            Assert.Equal(60_000, cell.Experiment.Manifest.Identity.Data.TrainSamples);
            Assert.Equal(config.Runs().Count(), cell.Experiment.Runs.Count);
            Assert.All(cell.Experiment.Runs.Where(r => !r.Diverged), r => Assert.Equal(config.Training.Epochs, r.Epochs.Count - 1));
            Assert.Matches("^[0-9a-f]{16}$", cell.Experiment.Provenance.Numerics);
        }

        var map = DepthRateMap.From(sweep);
        Assert.Equal(sweep.Cells.Count, map.ToTable().Rows.Count);
    }

    [Fact]
    public void A_cell_trained_at_another_rate_than_the_plan_says_is_refused_naming_its_manifest()
    {
        using var copy = CopyOfSweep();
        var plan = copy.Combine("recorded", "depth-lr", SweepPlan.FileName);
        var json = JsonNode.Parse(File.ReadAllText(plan))!;
        // Two cells' rates swapped: the grid is still complete, but each folder holds the other rate's comparison.
        var (first, second) = (json["Cells"]![0]!, json["Cells"]![1]!);
        var name = (string)first["Name"]!;
        var (firstRate, swapped) = ((double)first["LearningRate"]!, (double)second["LearningRate"]!);
        first["LearningRate"] = swapped;
        second["LearningRate"] = firstRate;
        File.WriteAllText(plan, json.ToJsonString());
        RecordedCopy.Reseal(copy, "depth-lr"); // past the hash manifest, to the check against the plan

        var error = Assert.Throws<InvalidDataException>(() => RecordedSweep.Load("depth-lr", copy.Path));
        Assert.Contains(Path.Combine(name, ComparisonManifest.FileName), error.Message);
        Assert.Contains($"but the plan says {swapped.ToString(System.Globalization.CultureInfo.InvariantCulture)}", error.Message);
    }

    [Fact]
    public void A_missing_cell_or_a_plan_naming_a_cell_twice_is_refused_naming_the_file()
    {
        using var copy = CopyOfSweep();
        var plan = copy.Combine("recorded", "depth-lr", SweepPlan.FileName);
        var original = File.ReadAllText(plan);
        var json = JsonNode.Parse(original)!;
        var name = (string)json["Cells"]![0]!["Name"]!;

        json["Cells"]![1]!["Name"] = name;
        File.WriteAllText(plan, json.ToJsonString());
        RecordedCopy.Reseal(copy, "depth-lr");
        var twice = Assert.Throws<InvalidDataException>(() => RecordedSweep.Load("depth-lr", copy.Path));
        Assert.Contains($"cell '{name}' is listed twice", twice.Message);
        Assert.Contains(plan, twice.Message);

        File.WriteAllText(plan, original);
        Directory.Delete(copy.Combine("recorded", "depth-lr", name), recursive: true);
        RecordedCopy.Reseal(copy, "depth-lr");
        var missing = Assert.ThrowsAny<IOException>(() => RecordedSweep.Load("depth-lr", copy.Path));
        Assert.Contains(name, missing.Message);
    }

    [FullDatasetFact]
    public void Retraining_a_recorded_run_of_the_sweep_reproduces_its_first_epochs()
    {
        var cell = RecordedSweep.Load("depth-lr", Data).Cells[0];
        Retraining.AssertReproduces(cell.Experiment, cell.Experiment.Runs[0]);
    }

    private static TempFolder CopyOfSweep() => RecordedCopy.Of("depth-lr");
}
