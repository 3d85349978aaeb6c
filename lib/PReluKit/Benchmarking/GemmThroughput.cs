using System.Diagnostics;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Benchmarking;

/// <summary>
/// The floor an epoch cannot beat: this machine's measured float32 matrix-multiply throughput, and the
/// multiply-accumulate work of the kit's models, so an epoch time can be stated as a fraction of that floor.
/// </summary>
public static class GemmThroughput
{
    /// <summary>Median GFLOP/s of an n×n by n×n float32 matmul (2n³ FLOPs) over <paramref name="repeats"/> rounds.</summary>
    public static double MeasureGflops(int n = 1024, int repeats = 5)
    {
        using var a = randn([n, n], generator: new Generator(1));
        using var b = randn([n, n], generator: new Generator(2));
        a.mm(b).Dispose(); // warm-up
        var rates = new List<double>();
        for (var r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            const int calls = 4;
            for (var i = 0; i < calls; i++)
            {
                a.mm(b).Dispose();
            }

            rates.Add(calls * 2.0 * n * n * n / clock.Elapsed.TotalSeconds / 1e9);
        }

        return new Timing("gemm", rates).Median;
    }

    /// <summary>
    /// FLOPs of one training step per sample for the configured model: 2 per multiply-accumulate in the forward pass,
    /// times 3 for forward + both backward products (w.r.t. inputs and weights), as is standard.
    /// </summary>
    public static double TrainingFlopsPerSample(TrainingConfig config, int imageSize = 28, int inputs = 784)
    {
        ArgumentNullException.ThrowIfNull(config);
        long[] sample = config.InputLayout == ImageLayout.Image ? [1, imageSize, imageSize] : [inputs];
        using var model = config.Member.Create(new ModelBlueprint(config.Activation, sample, config.Hidden, config.Channels, config.Classes));
        return 3 * 2 * ModelFlops.ForwardMultiplyAccumulates(model, sample);
    }
}
