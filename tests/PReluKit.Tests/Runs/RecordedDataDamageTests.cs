using System.Text.Json;
using System.Text.Json.Nodes;
using PReluKit.Data;
using PReluKit.Runs;
using PReluKit.Tests.Infrastructure;
using PReluKit.Training;

namespace PReluKit.Tests.Runs;

/// <summary>
/// Issue 33, cases 3–7: damaged recorded data is refused on load with one line naming the file and what was expected —
/// checked against the plan (sweep.json, plan.json) after the hash manifest is rewritten, and against the hash manifest
/// as shipped.
/// </summary>
public class RecordedDataDamageTests
{
    private const string Sweep = "depth-lr";
    private const string Cell = "depth4-lr0.03";

    public static TheoryData<string> Comparisons => ["mlp-full", "cnn-full", $"{Sweep}/{Cell}"];

    [Fact]
    public void Case3_a_cell_dropped_from_sweep_json_is_refused_naming_the_plan()
    {
        using var data = RecordedCopy.Of(Sweep);
        var plan = RecordedCopy.In(data, Sweep, SweepPlan.FileName);
        EditJson(plan, json => json["Cells"]!.AsArray().Remove(json["Cells"]!.AsArray().Single(c => (string)c!["Name"]! == "depth2-lr0.3")));
        RecordedCopy.Reseal(data, Sweep);

        var message = RecordedCopy.Refusal<InvalidDataException>(() => RecordedSweep.Load(Sweep, data.Path), plan);
        Assert.Contains("no cell has depth 2, learning rate 0.3", message);
    }

    [Fact]
    public void Case3_a_folder_the_plan_does_not_list_is_refused_naming_the_folder()
    {
        using var data = RecordedCopy.Of(Sweep);
        // A whole row dropped leaves a complete grid of three depths: the folders still on disk give it away.
        EditJson(RecordedCopy.In(data, Sweep, SweepPlan.FileName), json =>
        {
            var cells = json["Cells"]!.AsArray();
            foreach (var cell in cells.Where(c => (int)c!["Depth"]! == 12).ToList())
            {
                cells.Remove(cell);
            }
        });
        RecordedCopy.Reseal(data, Sweep);

        var message = RecordedCopy.Refusal<InvalidDataException>(() => RecordedSweep.Load(Sweep, data.Path), RecordedCopy.In(data, Sweep, "depth12-lr0.01"));
        Assert.Contains($"is not a cell of '{RecordedCopy.In(data, Sweep, SweepPlan.FileName)}'", message);
    }

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Case4_a_comparison_json_without_an_activation_or_a_seed_of_the_plan_is_refused(string comparison)
    {
        foreach (var (field, value) in new[] { ("Activations", "prelu:0.25"), ("Seeds", "4") })
        {
            using var data = RecordedCopy.Of(comparison.Split('/')[0]);
            var manifest = RecordedCopy.In(data, comparison, ComparisonManifest.FileName);
            EditJson(manifest, json =>
            {
                var list = json["Config"]![field]!.AsArray();
                list.Remove(list.Single(v => v!.ToJsonString().Trim('"') == value));
            });
            RecordedCopy.Reseal(data, comparison.Split('/')[0]);

            var message = RecordedCopy.Refusal<InvalidDataException>(() => Load(comparison, data.Path), manifest);
            Assert.Contains($"{field} are", message);
            Assert.Contains("but the plan says", message);
        }
    }

    [Fact]
    public void Case4_a_run_on_disk_that_the_plan_does_not_list_is_refused_naming_it()
    {
        // plan.json and comparison.json both edited to drop seed 9: its runs are still there and must not be left out silently.
        using var data = RecordedCopy.Of("mlp-full");
        foreach (var (file, path) in new[] { (RecordedPlan.FileName, new[] { "Seeds" }), (ComparisonManifest.FileName, ["Config", "Seeds"]) })
        {
            EditJson(RecordedCopy.In(data, "mlp-full", file), json =>
            {
                var seeds = path.Aggregate((JsonNode)json, (node, key) => node[key]!).AsArray();
                seeds.Remove(seeds.Single(s => (int)s! == 9));
            });
        }

        RecordedCopy.Reseal(data, "mlp-full");
        var first = Directory.GetFiles(RecordedCopy.In(data, "mlp-full", "runs"), "*-seed9-*.json").Order(StringComparer.Ordinal).First();
        var message = RecordedCopy.Refusal<InvalidDataException>(() => RecordedExperiment.Load("mlp-full", data.Path), first);
        Assert.Contains("seed 9, a run that", message);
    }

    [Theory]
    [InlineData("DeadUnits", 5000, "DeadUnits must be between 0 and 256, got 5000")]
    [InlineData("DeadUnits", -3, "DeadUnits must be between 0 and 256, got -3")]
    [InlineData("Units", 0, "Units must be 256 (the model's width there), got 0")]
    [InlineData("Units", 9999, "Units must be 256 (the model's width there), got 9999")]
    [InlineData("empty", 0, "Dead must hold one entry per activation layer of the model (2), got 0")]
    [InlineData("one layer", 0, "Dead must hold one entry per activation layer of the model (2), got 1")]
    public void Case5_impossible_dead_unit_counts_are_refused_naming_the_run(string damage, int value, string expected)
    {
        using var data = RecordedCopy.Of("mlp-full");
        var run = Directory.GetFiles(RecordedCopy.In(data, "mlp-full", "runs"), "mlp-relu-seed0-*.json").Single();
        EditJson(run, json =>
        {
            var dead = json["Epochs"]![3]!["Dead"]!.AsArray();
            switch (damage)
            {
                case "empty": dead.Clear(); break;
                case "one layer": dead.RemoveAt(1); break;
                default: dead[0]![damage] = value; break;
            }
        });
        RecordedCopy.Reseal(data, "mlp-full");

        var message = RecordedCopy.Refusal<InvalidDataException>(() => RecordedExperiment.Load("mlp-full", data.Path), run);
        Assert.Contains($"epoch record 3: {(damage is "empty" or "one layer" ? "" : "Dead[0] (fc1_act): ")}{expected}", message);
    }

    [Theory]
    [MemberData(nameof(Comparisons))]
    public void Case6_a_comparison_retrained_on_other_data_is_refused_naming_both_identities(string comparison)
    {
        using var data = RecordedCopy.Of(comparison.Split('/')[0]);
        var manifest = RecordedCopy.In(data, comparison, ComparisonManifest.FileName);
        EditJson(manifest, json => json["Identity"]!["Data"] = new JsonObject
        {
            ["Name"] = Subset.Name, ["TrainSamples"] = Subset.TrainSamples, ["TestSamples"] = Subset.TestSamples, ["Fingerprint"] = Subset.Fingerprint,
        });
        RecordedCopy.Reseal(data, comparison.Split('/')[0]);

        var message = RecordedCopy.Refusal<InvalidDataException>(() => Load(comparison, data.Path), manifest);
        Assert.Contains($"the runs were trained on {Subset}, but the plan says Fashion-MNIST (60,000 + 10,000 images, ", message);
    }

    [Fact]
    public void Case6_a_run_of_other_data_among_the_runs_is_refused_naming_it_and_both_identities()
    {
        using var data = RecordedCopy.Of("mlp-full");
        var runs = RecordedCopy.In(data, "mlp-full", "runs");
        var original = KitJsonRun(Directory.GetFiles(runs, "mlp-relu-seed0-*.json").Single());
        var retrained = original with { Data = Subset };
        var path = Path.Combine(runs, retrained.Identity!.FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(retrained, KitJson.Default.RunResult));
        RecordedCopy.Reseal(data, "mlp-full");

        var message = RecordedCopy.Refusal<InvalidDataException>(() => RecordedExperiment.Load("mlp-full", data.Path), path);
        Assert.Contains($"data: {original.Data} → {Subset}", message);
    }

    [Theory]
    [InlineData("mlp-full")]
    [InlineData("cnn-full")]
    [InlineData(Sweep)]
    public void Case7_a_changed_file_is_refused_by_its_hash_naming_it(string name)
    {
        using var data = RecordedCopy.Of(name);
        var run = Directory.GetFiles(RecordedCopy.In(data, name), "*-relu-seed1-*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        // A plausible edit that every other check accepts: one test accuracy set to 0.95.
        EditJson(run, json => json["Epochs"]![1]!["TestAccuracy"] = 0.95);

        var message = RecordedCopy.Refusal<InvalidDataException>(() => LoadRecorded(name, data.Path), run);
        Assert.Contains("has changed: its SHA-256 is", message);
        Assert.Contains(RecordedCopy.In(data, name, FileHashManifest.FileName), message);
    }

    [Theory]
    [InlineData("mlp-full")]
    [InlineData(Sweep)]
    public void Case7_a_missing_or_extra_file_is_refused_naming_it(string name)
    {
        using (var data = RecordedCopy.Of(name))
        {
            var run = Directory.GetFiles(RecordedCopy.In(data, name), "*-leaky_0.01-seed2-*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
            File.Delete(run);
            Assert.Contains("is missing", RecordedCopy.Refusal<InvalidDataException>(() => LoadRecorded(name, data.Path), run));
        }

        using (var data = RecordedCopy.Of(name))
        {
            var extra = RecordedCopy.In(data, name, "runs-notes.txt");
            File.WriteAllText(extra, "a note");
            Assert.Contains("is not listed in", RecordedCopy.Refusal<InvalidDataException>(() => LoadRecorded(name, data.Path), extra));
        }
    }

    [Theory]
    [InlineData("mlp-full")]
    [InlineData(Sweep)]
    public void Case7_a_missing_or_malformed_manifest_is_refused_naming_it(string name)
    {
        using var data = RecordedCopy.Of(name);
        var manifest = RecordedCopy.In(data, name, FileHashManifest.FileName);
        File.AppendAllText(manifest, "not a hash  comparison.json\n");
        Assert.Contains("line", RecordedCopy.Refusal<InvalidDataException>(() => LoadRecorded(name, data.Path), manifest));

        File.Delete(manifest);
        Assert.Contains("is missing", RecordedCopy.Refusal<FileNotFoundException>(() => LoadRecorded(name, data.Path), manifest));
    }

    [Theory]
    [InlineData("mlp-full")]
    [InlineData("cnn-full")]
    [InlineData(Sweep)]
    public void Case7_the_shipped_manifests_are_what_the_documented_script_writes(string name)
    {
        using var data = RecordedCopy.Of(name);
        RecordedCopy.Reseal(data, name);
        Assert.Equal(File.ReadAllText(RepositoryRoot.Combine("data", RecordedExperiment.FolderName, name, FileHashManifest.FileName)),
                     File.ReadAllText(RecordedCopy.In(data, name, FileHashManifest.FileName)));
        LoadRecorded(name, data.Path);
    }

    private static readonly DataIdentity Subset = new("Fashion-MNIST subset, first 400", 400, 100, "0123456789abcdef");

    /// <summary>A recorded comparison: an experiment, or a cell (SWEEP/CELL) loaded through its sweep.</summary>
    private static void Load(string comparison, string data) => LoadRecorded(comparison.Split('/')[0], data);

    /// <summary>A recorded experiment or the sweep, by folder name.</summary>
    private static void LoadRecorded(string name, string data)
    {
        if (name == Sweep)
        {
            RecordedSweep.Load(name, data);
        }
        else
        {
            RecordedExperiment.Load(name, data);
        }
    }

    private static RunResult KitJsonRun(string path) => JsonSerializer.Deserialize(File.ReadAllText(path), KitJson.Default.RunResult)!;

    private static void EditJson(string path, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(json);
        File.WriteAllText(path, json.ToJsonString());
    }
}
