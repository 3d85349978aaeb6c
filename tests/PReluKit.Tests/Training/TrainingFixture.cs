using PReluKit.Data;
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

    public LabeledTensors Train { get; }

    public LabeledTensors Test { get; }

    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
