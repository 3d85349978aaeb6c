using PReluKit.Benchmarking;
using PReluKit.Models;
using PReluKit.Training;

namespace PReluKit.Tests.Benchmarking;

public class GemmThroughputTests
{
    [Fact]
    public void Training_flops_count_every_multiply_accumulate_three_times_two()
    {
        // MLP 784-256-128-10: 200,704 + 32,768 + 1,280 MACs.
        Assert.Equal(6.0 * 234_752, GemmThroughput.TrainingFlopsPerSample(TrainingConfig.For(ModelKind.Mlp)));
        // CNN: conv1 9·1·16·28², conv2 9·16·32·14², fc1 32·7²·128, out 128·10.
        Assert.Equal(6.0 * (112_896 + 903_168 + 200_704 + 1_280), GemmThroughput.TrainingFlopsPerSample(TrainingConfig.For(ModelKind.Cnn)));
    }

    [Fact]
    public void The_measured_gemm_rate_is_a_positive_finite_number()
    {
        var gflops = GemmThroughput.MeasureGflops(n: 128, repeats: 2);
        Assert.True(gflops > 0.01 && double.IsFinite(gflops), $"{gflops} GFLOP/s");
    }
}
