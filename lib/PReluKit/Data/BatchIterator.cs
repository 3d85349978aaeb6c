using static TorchSharp.torch;

namespace PReluKit.Data;

/// <summary>
/// Mini-batches of a <see cref="LabeledTensors"/>. With shuffling, epoch e's order is a permutation drawn from a
/// generator seeded by (seed, e) alone, so the same seed gives the same batches in every run and for every
/// activation (the paired design), and a resumed run continues with the same order.
/// </summary>
/// <remarks>
/// Shuffled epochs scatter the data once into a buffer the iterator keeps (<c>index_copy_</c>, no allocation) and
/// yield contiguous slices of it, instead of gathering every batch with <c>index_select</c>; unshuffled epochs yield
/// slices of the data itself. Each yielded batch is a view owned by the iterator, valid until the next one is produced.
/// Dispose the iterator to free the buffer.
/// </remarks>
public sealed class BatchIterator : IDisposable
{
    private readonly LabeledTensors _data;
    private readonly bool _shuffle;
    private readonly ulong _seed;
    private LabeledTensors? _shuffled;

    /// <summary>Creates the iterator.</summary>
    /// <exception cref="ArgumentException">A non-positive batch size.</exception>
    public BatchIterator(LabeledTensors data, int batchSize, bool shuffle = true, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (batchSize <= 0)
        {
            throw new ArgumentException($"BatchIterator: batchSize must be positive, got {batchSize}.", nameof(batchSize));
        }

        _data = data;
        BatchSize = batchSize;
        _shuffle = shuffle;
        _seed = seed;
    }

    /// <summary>Samples per batch (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchesPerEpoch => (int)((_data.Count + BatchSize - 1) / BatchSize);

    /// <summary>The sample order of epoch <paramref name="epoch"/> (0-based).</summary>
    public Tensor Order(int epoch)
    {
        if (!_shuffle)
        {
            return arange(_data.Count, dtype: ScalarType.Int64);
        }

        // SplitMix-style mixing keeps (seed, epoch) pairs apart.
        var mixed = unchecked((_seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)epoch + 0xBF58476D1CE4E5B9UL));
        using var generator = new Generator(mixed);
        return randperm(_data.Count, generator: generator);
    }

    /// <summary>The batches of epoch <paramref name="epoch"/>, each valid until the next is requested.</summary>
    /// <remarks>Sample i of the data lands at position <c>Order(epoch)[i]</c>: a uniformly random permutation, like its inverse.</remarks>
    public IEnumerable<(Tensor Features, Tensor Labels)> Epoch(int epoch)
    {
        var source = _data;
        if (_shuffle)
        {
            _shuffled ??= new LabeledTensors(empty_like(_data.Features), empty_like(_data.Labels));
            using var order = Order(epoch);
            using var noGrad = no_grad();
            _shuffled.Features.index_copy_(0, order, _data.Features);
            _shuffled.Labels.index_copy_(0, order, _data.Labels);
            source = _shuffled;
        }

        for (long start = 0; start < _data.Count; start += BatchSize)
        {
            var length = Math.Min(BatchSize, _data.Count - start);
            using var features = source.Features.narrow(0, start, length);
            using var labels = source.Labels.narrow(0, start, length);
            yield return (features, labels);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _shuffled?.Dispose();
        _shuffled = null;
    }
}
