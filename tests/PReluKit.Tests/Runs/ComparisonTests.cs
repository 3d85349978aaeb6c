using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Metrics;
using PReluKit.Models;
using PReluKit.Runs;
using PReluKit.Statistics;
using PReluKit.Summaries;
using PReluKit.Training;
using PReluKit.Tests.Infrastructure;
using PReluKit.Tests.Training;

namespace PReluKit.Tests.Runs;

public class ComparisonTests(TrainingFixture data) : IClassFixture<TrainingFixture>
{
    private static readonly ComparisonConfig Config = new(
        TrainingFixture.Tiny, [ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU()],
        [1, 2]);

    [Fact]
    public void An_interrupted_comparison_resumes_without_retraining_finished_runs()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder.Path);
        using var cancel = new CancellationTokenSource();
        var finished = 0;
        var stopper = new InlineProgress<TrainingEvent>(e =>
        {
            if (e is RunFinished && ++finished == 2)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => Comparison.Run(Config, data.Train, data.Test, store, stopper, cancel.Token));
        var saved = Directory.GetFiles(store.RunsFolder);
        Assert.Equal(2, saved.Length);
        var stamps = saved.ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var events = new List<TrainingEvent>();
        var results = Comparison.Run(Config, data.Train, data.Test, store, new InlineProgress<TrainingEvent>(events.Add));

        Assert.Equal(6, results.Count);
        Assert.Equal(2, events.OfType<RunFinished>().Count(e => e.Skipped));
        Assert.Equal(4, events.OfType<RunStarted>().Count());
        Assert.All(stamps, s => Assert.Equal(s.Value, File.GetLastWriteTimeUtc(s.Key)));
        Assert.Equal(6, store.LoadAll().Count);
        Assert.Empty(Directory.GetFiles(store.RunsFolder, "*.tmp"));
    }

    [Fact]
    public void A_run_file_whose_content_is_another_run_is_refused_not_reused()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder.Path);
        var dataIdentity = DataIdentity.Of(data.Train, data.Test);
        var config = Config.Training with { Activation = ActivationSpec.ReLU() };
        var other = new RunResult(config with { LearningRate = 0.5 }, 1, [Epoch(0, 0.5)], null) { Data = dataIdentity, Threads = 2 };
        var wanted = new RunIdentity(ComparisonIdentity.Of(config, dataIdentity, 2), config, 1);
        Assert.Null(store.TryLoad(wanted)); // the run with lr 0.5 is another run: not found under this identity
        store.Save(other);
        File.Copy(store.PathFor(other.Identity!), store.PathFor(wanted)); // a file whose name lies
        var error = Assert.Throws<InvalidDataException>(() => store.TryLoad(wanted));
        Assert.Contains("other settings", error.Message);
    }

    [Fact]
    public void Runs_round_trip_through_json_including_NaN()
    {
        using var folder = new TempFolder();
        var store = new RunStore(folder.Path);
        var run = Trainer.Run(Config.Training with { Activation = ActivationSpec.PReLU() }, 5, data.Train, data.Test)
                  with { Data = DataIdentity.Of(data.Train, data.Test) };
        store.Save(run);
        var loaded = store.TryLoad(run.Identity!)!;
        Assert.True(double.IsNaN(loaded.Epochs[0].TrainLoss));
        Assert.Equal(run.Final.TestAccuracy, loaded.Final.TestAccuracy);
        Assert.Equal(run.Final.Alphas[0].Values, loaded.Final.Alphas[0].Values);
        Assert.Equal(run.Config.Activation, loaded.Config.Activation);
        Assert.Equal(run.Identity, loaded.Identity);
    }

    [Fact]
    public void The_summary_reports_paired_differences_with_t_intervals()
    {
        var relu = ActivationSpec.ReLU();
        var prelu = ActivationSpec.PReLU();
        RunResult Run(ActivationSpec spec, ulong seed, double accuracy, double seconds = 1, bool diverged = false) =>
            new(TrainingConfig.For(ModelKind.Mlp) with { Activation = spec }, seed, [Epoch(0, 0.1), Epoch(1, accuracy, seconds)], diverged ? 2 : null);

        var summary = ComparisonSummary.From([
            Run(relu, 1, 0.80), Run(relu, 2, 0.82), Run(relu, 3, 0.84),
            Run(prelu, 1, 0.81, 1.1), Run(prelu, 2, 0.84, 1.1), Run(prelu, 3, 0.87, 1.1), Run(prelu, 4, 0.5, diverged: true),
        ]);

        Assert.Equal(ActivationSpec.ReLU(), summary.Baseline);
        var reluRow = summary.Rows[0];
        Assert.True(reluRow.IsBaseline);
        Assert.Null(reluRow.VsBaseline);
        Assert.Equal(82, reluRow.TestAccuracy!.Mean, 9);
        Assert.Equal(4.302653 * 2 / Math.Sqrt(3), reluRow.TestAccuracy.HalfWidth, 4); // sd 2 points, t(0.975, 2) = 4.3027

        var preluRow = summary.Rows[1];
        Assert.Equal(4, preluRow.Runs);
        Assert.Equal(1, preluRow.Diverged);
        var vsRelu = preluRow.VsBaseline!;
        Assert.Equal(3, vsRelu.Pairs);
        Assert.Equal(2, vsRelu.AccuracyDifference.Mean, 9); // paired differences 1, 2, 3 points
        Assert.Equal(4.302653 * 1 / Math.Sqrt(3), vsRelu.AccuracyDifference.HalfWidth, 4);
        Assert.True(vsRelu.AccuracyDifference.CoversZero); // 2 ± 2.48: reaches past 1 point and covers 0
        Assert.Equal(VerdictKind.Inconclusive, vsRelu.Accuracy.Kind);
        Assert.Equal(1.1, vsRelu.TimeRatio.Ratio, 9);
        Assert.Equal(VerdictKind.AboveDelta, vsRelu.Time.Kind); // every pair 10 % slower: beyond 5 %
        Assert.Same(vsRelu, Assert.Single(summary.Contrasts));

        var frame = summary.ToDataFrame();
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("PReLU (channel-wise)", frame["activation"][1]);
    }

    [Fact]
    public void Csv_files_are_written()
    {
        using var folder = new TempFolder();
        var runs = new[] { new RunResult(TrainingConfig.For(ModelKind.Mlp), 1, [Epoch(0, 0.1), Epoch(1, 0.7)], null) };
        var paths = ComparisonSummary.From(runs).WriteCsv(folder.Path, runs);
        Assert.StartsWith("activation,key,runs,diverged,collapsed,test_accuracy_pct", File.ReadAllLines(paths[0])[0]);
        Assert.StartsWith("contrast,a,b,pairs,accuracy_diff_pts", File.ReadAllLines(paths[1])[0]);
        Assert.Equal(3, File.ReadAllLines(paths[2]).Length); // header + two epochs
    }

    private static EpochRecord Epoch(int epoch, double accuracy, double seconds = 1) =>
        new(epoch, 0.5, accuracy, 0.5, accuracy, epoch == 0 ? 0 : seconds,
            [new LayerDeadness("fc1_act", 10, 1, new Dictionary<Tau, int> { [Tau.Zero] = 1, [new Tau(0.025)] = 1, [Tau.Standard] = 2 }, 0.5)], [], []);
}
