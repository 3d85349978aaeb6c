using PReluKit.Data;
using PReluKit.Data.Idx;
using static TorchSharp.torch;

namespace PReluKit.Tests.Data;

public class TensorsAndBatchesTests
{
    private static ImageSplit Split(int count) => new(
        new IdxImages([.. Enumerable.Range(0, count * 4).Select(i => (byte)(i * 37 % 256))], count, 2, 2),
        [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))]);

    private static LabeledTensors Numbered(int count) => new(arange(count, dtype: ScalarType.Float32).view(count, 1), arange(count, dtype: ScalarType.Int64));

    [Theory]
    [InlineData(ImageLayout.Flat, new long[] { 3000, 4 })]
    [InlineData(ImageLayout.Image, new long[] { 3000, 1, 2, 2 })]
    public void Tensors_are_normalised_shaped_and_labelled(ImageLayout layout, long[] shape)
    {
        var split = Split(3000);
        using var tensors = split.ToTensors(layout, mean: 0.5, std: 0.25);
        Assert.Equal(shape, tensors.Features.shape);
        Assert.Equal(ScalarType.Int64, tensors.Labels.dtype);
        var values = tensors.Features.data<float>().ToArray();
        for (var i = 0; i < values.Length; i += 97)
        {
            Assert.Equal((float)(((split.Images.Pixels[i] / 255.0) - 0.5) / 0.25), values[i], 5);
        }

        Assert.Equal(split.Labels.Select(l => (long)l), tensors.Labels.data<long>().ToArray());
    }

    [Fact]
    public void The_same_seed_gives_the_same_batches_and_every_sample_once_per_epoch()
    {
        using var data = Numbered(103);
        using var a = new BatchIterator(data, batchSize: 10, seed: 7);
        using var b = new BatchIterator(data, batchSize: 10, seed: 7);
        using var other = new BatchIterator(data, 10, seed: 8);
        using var sequential = new BatchIterator(data, 10, shuffle: false);
        List<long[]> Batches(BatchIterator it, int epoch) => it.Epoch(epoch).Select(batch => batch.Labels.data<long>().ToArray()).ToList();

        var epoch0 = Batches(a, 0);
        Assert.Equal(epoch0, Batches(b, 0));
        Assert.Equal(11, epoch0.Count);
        Assert.Equal(11, a.BatchesPerEpoch);
        Assert.Equal(3, epoch0[^1].Length);
        Assert.Equal(Enumerable.Range(0, 103).Select(i => (long)i), epoch0.SelectMany(x => x).Order());
        Assert.NotEqual(epoch0, Batches(a, 1));
        Assert.NotEqual(epoch0, Batches(other, 0));
        Assert.Equal(Enumerable.Range(0, 103).Select(i => (long)i), Batches(sequential, 0).SelectMany(x => x));
    }

    [Fact]
    public void Features_and_labels_of_a_batch_stay_aligned()
    {
        using var data = Numbered(50);
        using var batches = new BatchIterator(data, 8, seed: 3);
        foreach (var (features, labels) in batches.Epoch(0))
        {
            Assert.Equal(labels.data<long>().ToArray().Select(l => (float)l), features.data<float>().ToArray());
        }
    }

    [Fact]
    public void A_non_positive_batch_size_is_rejected()
    {
        using var data = Numbered(5);
        var error = Assert.Throws<ArgumentException>(() => new BatchIterator(data, 0));
        Assert.Contains("batchSize", error.Message);
    }

    [Fact]
    public void The_validation_split_is_seeded_disjoint_and_complete()
    {
        using var data = Numbered(100);
        var (train, validation) = data.SplitValidation(0.2, seed: 5);
        using (train)
        using (validation)
        {
            Assert.Equal(80, train.Count);
            Assert.Equal(20, validation.Count);
            var all = train.Labels.data<long>().ToArray().Concat(validation.Labels.data<long>().ToArray());
            Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), all.Order());
            var (_, again) = data.SplitValidation(0.2, seed: 5);
            using (again)
            {
                Assert.Equal(validation.Labels.data<long>().ToArray(), again.Labels.data<long>().ToArray());
            }
        }

        Assert.Throws<ArgumentException>(() => data.SplitValidation(0, 1));
        Assert.Throws<ArgumentException>(() => data.SplitValidation(1, 1));
    }
}
