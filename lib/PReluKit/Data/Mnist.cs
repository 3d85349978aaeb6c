namespace PReluKit.Data;

/// <summary>MNIST handwritten digits, which share Fashion-MNIST's IDX format; loaded from a folder the user provides.</summary>
public static class Mnist
{
    /// <summary>Pixel mean of the MNIST training set on [0, 1].</summary>
    public const double Mean = 0.1307;

    /// <summary>Pixel standard deviation of the MNIST training set on [0, 1].</summary>
    public const double Std = 0.3081;

    /// <summary>The class names "0" … "9".</summary>
    public static IReadOnlyList<string> ClassNames { get; } = [.. Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>Loads the four IDX files (gzip or raw) from <paramref name="folder"/>.</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">A file is malformed.</exception>
    public static ImageDataset LoadFolder(string folder) => IdxFolder.Load(folder, "MNIST", ClassNames, Mean, Std);
}
