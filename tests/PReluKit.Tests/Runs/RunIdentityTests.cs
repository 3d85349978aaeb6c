using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.IO;
using PReluKit.Models;
using PReluKit.Runs;
using PReluKit.Summaries;
using PReluKit.Training;
using PReluKit.Tests.Infrastructure;
using PReluKit.Tests.Training;

namespace PReluKit.Tests.Runs;

/// <summary>A run's identity: other settings or data train anew beside the old runs; going back reuses them.</summary>
public class RunIdentityTests(TrainingFixture data) : IClassFixture<TrainingFixture>
{
    private static readonly ComparisonConfig Config = new(
        TrainingFixture.Tiny, [ActivationSpec.ReLU(), ActivationSpec.PReLU()], [1]);

    [Fact]
    public void Changing_a_setting_trains_anew_beside_the_old_runs_and_changing_it_back_reuses_them()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder.Path);
        var first = Comparison.Run(Config, data.Train, data.Test, store);
        var changed = Config with { Training = Config.Training with { LearningRate = 0.01 } };

        var events = new List<TrainingEvent>();
        var second = Comparison.Run(changed, data.Train, data.Test, store, new InlineProgress<TrainingEvent>(events.Add));
        Assert.Equal(2, events.OfType<RunStarted>().Count()); // nothing stale reused
        Assert.Equal(4, Directory.GetFiles(store.RunsFolder, "*.json").Length); // nothing overwritten
        Assert.All(second, r => Assert.Equal(0.01, r.Config.LearningRate));

        events.Clear();
        var back = Comparison.Run(Config, data.Train, data.Test, store, new InlineProgress<TrainingEvent>(events.Add));
        Assert.Empty(events.OfType<RunStarted>());
        Assert.Equal(first.Select(r => r.Final.TestLoss), back.Select(r => r.Final.TestLoss));
    }

    [Fact]
    public void Other_data_is_another_identity_even_with_the_same_settings()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder.Path);
        Comparison.Run(Config, data.Train, data.Test, store);
        using var shuffledLabels = new LabeledTensors(data.Train.Features.clone(), data.Train.Labels.flip(0)) { Name = data.Train.Name };

        var events = new List<TrainingEvent>();
        var runs = Comparison.Run(Config, shuffledLabels, data.Test, store, new InlineProgress<TrainingEvent>(events.Add));

        Assert.Equal(2, events.OfType<RunStarted>().Count());
        Assert.NotEqual(DataIdentity.Of(data.Train, data.Test).Fingerprint, runs[0].Data!.Fingerprint);
        var differences = Comparison.IdentityOf(Config, data.Train, data.Test).DifferencesFrom(runs[0].Identity!.Comparison);
        Assert.Equal("data", Assert.Single(differences).Split(':')[0]);
    }

    [Fact]
    public void The_identity_names_every_setting_that_differs()
    {
        var dataIdentity = DataIdentity.Of(data.Train, data.Test);
        var a = ComparisonIdentity.Of(Config.Training, dataIdentity, threads: 2);
        var b = ComparisonIdentity.Of(TrainingConfig.For(ModelKind.Cnn) with { Hidden = [16], Epochs = 1, BatchSize = 100 }, dataIdentity, threads: 1);

        var differences = a.DifferencesFrom(b);
        Assert.Contains(differences, d => d.StartsWith("Model", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("LearningRate: 0.05 → 0.02", StringComparison.Ordinal));
        Assert.Contains("threads: 2 → 1", differences); // thread count splits libtorch's reductions: other bits
        Assert.NotEqual(a.Key, b.Key);
        Assert.Empty(a.DifferencesFrom(ComparisonIdentity.Of(Config.Training with { Activation = ActivationSpec.SELU() }, dataIdentity, 2)));
    }

    [Fact]
    public void A_slice_of_the_data_has_its_own_fingerprint_and_name()
    {
        using var slice = data.Train.First(300);
        var whole = DataIdentity.Of(data.Train, data.Test);
        var part = DataIdentity.Of(slice, data.Test);
        Assert.NotEqual(whole.Fingerprint, part.Fingerprint);
        Assert.Equal(300, part.TrainSamples);
        Assert.EndsWith("first 300", part.Name, StringComparison.Ordinal);
        Assert.Equal(whole, DataIdentity.Of(data.Train, data.Test)); // the same tensors, the same identity
    }

    [Fact]
    public void Temp_files_of_dead_processes_are_removed_and_live_ones_kept()
    {
        using var folder = new TempFolder();
        using var finished = System.Diagnostics.Process.Start("true")!;
        finished.WaitForExit();
        var stale = folder.Combine($".run.json.{finished.Id}.{Guid.NewGuid():N}.tmp");
        var part = folder.Combine($"train-images-idx3-ubyte.gz.{finished.Id}.{Guid.NewGuid():N}.part");
        var live = folder.Combine($".run.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        foreach (var path in new[] { stale, part, live })
        {
            File.WriteAllText(path, "");
        }

        Assert.Equal(2, StaleFiles.Remove(folder.Path));
        Assert.False(File.Exists(stale));
        Assert.False(File.Exists(part));
        Assert.True(File.Exists(live));
    }

    [Fact]
    public void The_folder_lock_is_reentrant_within_a_process_and_released_on_dispose()
    {
        using var folder = new TempFolder();
        using (FolderLock.Acquire(folder.Path, "outer"))
        using (FolderLock.Acquire(folder.Path, "inner"))
        {
            Assert.Contains("outer", File.ReadAllText(folder.Combine(".prelu.lock.owner")));
        }

        Assert.False(File.Exists(folder.Combine(".prelu.lock.owner")));
        using var again = FolderLock.Acquire(folder.Path, "again");
    }

    [Fact]
    public void Csv_files_are_utf8_with_readable_numbers()
    {
        using var folder = new TempFolder();
        var runs = Comparison.Run(Config with { Activations = [ActivationSpec.ReLU(), ActivationSpec.PReLU(0.1), ActivationSpec.RReLU()], Seeds = [1, 2] },
                                  data.Train, data.Test, new RunStore(folder.Path));
        var comparison = ComparisonSummary.From(runs);
        var paths = comparison.WriteCsv(folder.Path, runs);
        var summary = File.ReadAllText(paths[0], System.Text.Encoding.UTF8);
        Assert.Contains("PReLU (channel-wise, α₀ = 0.1)", summary);
        Assert.Contains("RReLU (0.125–0.333)", summary);
        Assert.All(comparison.Contrasts, c => Assert.Contains(c.Accuracy.Label, File.ReadAllText(paths[1], System.Text.Encoding.UTF8)));
        Assert.DoesNotContain("?", summary);
        Assert.DoesNotMatch(@"(^|,)-?\d+\.\d{7,}(,|$)", summary.Replace("\n", ",\n", StringComparison.Ordinal)); // numeric cells: at most six decimals
        Assert.NotEqual(0xEF, File.ReadAllBytes(paths[0])[0]); // no byte-order mark
    }
}
