using PReluKit.Runs;
using PReluKit.Summaries;
using PReluKit.Tests.Infrastructure;

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
        Retraining.AssertReproduces(experiment, experiment.Runs[0]);
    }
}
