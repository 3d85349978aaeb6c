using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Training;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Training;

/// <summary>A small slice of the shipped subset, loaded once for the training tests.</summary>
public sealed class TrainingFixture : IDisposable
{
    public TrainingFixture()
    {
        var subset = FashionMnist.LoadSubset(new FashionMnistOptions { RepositoryDataFolder = RepositoryRoot.Combine("data") });
        using var train = subset.TrainTensors(ImageLayout.Flat);
        using var test = subset.TestTensors(ImageLayout.Flat);
        Train = new LabeledTensors(train.Features.narrow(0, 0, 600).clone(), train.Labels.narrow(0, 0, 600).clone());
        Test = new LabeledTensors(test.Features.narrow(0, 0, 200).clone(), test.Labels.narrow(0, 0, 200).clone());
    }

    /// <summary>The MLP with one hidden layer of 16 units, one epoch in batches of 100: quick on the slice.</summary>
    public static TrainingConfig Tiny { get; } = TrainingConfig.For(ModelKind.Mlp) with { Hidden = [16], Epochs = 1, BatchSize = 100 };

    public LabeledTensors Train { get; }

    public LabeledTensors Test { get; }

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
