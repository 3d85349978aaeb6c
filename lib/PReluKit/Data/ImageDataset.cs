namespace PReluKit.Data;

/// <summary>An image classification set with its train and test splits.</summary>
/// <param name="Name">"Fashion-MNIST", "Fashion-MNIST subset", "MNIST", ….</param>
/// <param name="Train">The training split.</param>
/// <param name="Test">The test split.</param>
/// <param name="ClassNames">One name per label.</param>
/// <param name="Mean">Pixel mean (on [0, 1]) used for normalisation.</param>
/// <param name="Std">Pixel standard deviation (on [0, 1]) used for normalisation.</param>
/// <param name="Folder">Where the files were read from.</param>
public sealed record ImageDataset(string Name, ImageSplit Train, ImageSplit Test, IReadOnlyList<string> ClassNames,
                                  double Mean, double Std, string Folder)
{
    /// <summary>The training split as normalised tensors.</summary>
    public LabeledTensors TrainTensors(ImageLayout layout) => Train.ToTensors(layout, Mean, Std, Name);

    /// <summary>The test split as normalised tensors.</summary>
    public LabeledTensors TestTensors(ImageLayout layout) => Test.ToTensors(layout, Mean, Std, Name);
}
