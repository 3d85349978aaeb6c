using static TorchSharp.torch;

namespace PReluKit.Data;

/// <summary>Features and int64 class labels, row-aligned. Disposing it disposes both tensors.</summary>
/// <param name="Features">N×… features.</param>
/// <param name="Labels">N int64 labels.</param>
public sealed record LabeledTensors(Tensor Features, Tensor Labels) : IDisposable
{
    /// <summary>The number of samples.</summary>
    public long Count => Labels.shape[0];

    /// <summary>Where the samples come from, e.g. "Fashion-MNIST subset" (shown in reports and run files).</summary>
    public string Name { get; init; } = "data";

    /// <summary>A copy of the first <paramref name="count"/> samples (all when there are fewer), named after them.</summary>
    public LabeledTensors First(long count)
    {
        var n = Math.Min(count, Count);
        using var features = Features.narrow(0, 0, n);
        using var labels = Labels.narrow(0, 0, n);
        return new LabeledTensors(features.clone(), labels.clone())
        {
            Name = n == Count ? Name : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Name}, first {n:N0}"),
        };
    }

    /// <summary>
    /// Splits off a random <paramref name="fraction"/> as a validation set (seeded); the rest stays for training.
    /// Both parts are new tensors; this instance is unchanged.
    /// </summary>
    /// <exception cref="ArgumentException">fraction outside (0, 1), or a part would be empty.</exception>
    public (LabeledTensors Train, LabeledTensors Validation) SplitValidation(double fraction, ulong seed)
    {
        var validation = (long)Math.Round(Count * fraction);
        if (!(fraction > 0 && fraction < 1) || validation == 0 || validation == Count)
        {
            throw new ArgumentException(
                $"validation fraction must leave both parts non-empty (0 < fraction < 1), got {fraction} of {Count} samples.", nameof(fraction));
        }

        using var generator = new Generator(seed);
        using var order = randperm(Count, generator: generator);
        using var validationIndices = order.narrow(0, 0, validation);
        using var trainIndices = order.narrow(0, validation, Count - validation);
        return (
            new LabeledTensors(Features.index_select(0, trainIndices), Labels.index_select(0, trainIndices)) { Name = $"{Name}, training part" },
            new LabeledTensors(Features.index_select(0, validationIndices), Labels.index_select(0, validationIndices)) { Name = $"{Name}, validation part" });
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}
