using PReluKit.Data;
using PReluKit.Runs;
using PReluKit.Summaries;
using PReluKit.Training;
using PReluKit.Tests.Infrastructure;
using static TorchSharp.torch;

namespace PReluKit.Tests.Runs;

/// <summary>The experiments shipped in data/recorded: complete, described, and reproducible from their manifest.</summary>
[Collection(SerialCollection.Name)] // sets the process's thread count
public class RecordedExperimentTests
{
    public static TheoryData<string> Shipped => [.. RecordedExperiment.Shipped];

    [Theory]
    [MemberData(nameof(Shipped))]
    public void A_shipped_experiment_holds_every_run_of_its_manifest_and_says_where_it_comes_from(string name)
    {
        var experiment = RecordedExperiment.Load(name, RepositoryRoot.Combine("data"));
        var config = experiment.Manifest.Config;

        Assert.Equal(config.Runs().Select(r => (r.Config.Activation.Canonical, r.Seed)).Order(),
                     experiment.Runs.Select(r => (r.Config.Activation.Canonical, r.Seed)).Order());
        Assert.True(config.Seeds.Count >= 10, $"{name}: {config.Seeds.Count} seeds, fewer than the 10 that decide at δ = 1 point");
        Assert.Equal(60_000, experiment.Manifest.Identity.Data.TrainSamples);
        Assert.All(experiment.Runs, r => Assert.Equal(config.Training.Epochs, r.Epochs.Count - 1));
        Assert.Matches("^[0-9a-f]{40}$", experiment.Provenance.Commit);
        Assert.Matches("^[0-9a-f]{16}$", experiment.Provenance.Numerics);
        Assert.Equal(experiment.Manifest.Identity.Threads, experiment.Provenance.Threads);
        Assert.Contains($"{config.Seeds.Count} seeds", experiment.Describe());
        Assert.NotEmpty(ComparisonSummary.From(experiment.Runs).Contrasts);
    }

    [FullDatasetFact]
    public void Retraining_the_first_mlp_run_reproduces_its_recorded_epochs()
    {
        var experiment = RecordedExperiment.Load("mlp-full", RepositoryRoot.Combine("data"));
        var recorded = experiment.Runs[0];
        var data = FashionMnist.LoadFull();
        var config = recorded.Config with { Epochs = 2 };
        using var train = data.TrainTensors(config.InputLayout);
        using var test = data.TestTensors(config.InputLayout);
        Assert.Equal(experiment.Manifest.Identity.Data.Fingerprint, DataIdentity.Of(train, test).Fingerprint);

        var threads = get_num_threads();
        set_num_threads(experiment.Provenance.Threads);
        try
        {
            var rerun = Trainer.Run(config, recorded.Seed, train, test);
            var sameRounding = NumericsFingerprint.Compute(experiment.Provenance.Threads) == experiment.Provenance.Numerics;
            foreach (var epoch in new[] { 1, 2 })
            {
                var (was, now) = (recorded.Epochs[epoch], rerun.Epochs[epoch]);
                if (sameRounding)
                {
                    // This machine rounds as the recording machine did: the same bits.
                    Assert.Equal(was.TrainLoss, now.TrainLoss);
                    Assert.Equal(was.TestAccuracy, now.TestAccuracy);
                }
                else
                {
                    // Another CPU or libtorch rounds differently; two epochs in, the runs must still agree closely.
                    Assert.InRange(now.TestAccuracy, was.TestAccuracy - 0.01, was.TestAccuracy + 0.01);
                }
            }
        }
        finally
        {
            set_num_threads(threads);
        }
    }
}
