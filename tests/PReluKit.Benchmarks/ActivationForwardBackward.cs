using BenchmarkDotNet.Attributes;
using PReluKit.Activations;
using static TorchSharp.torch;

namespace PReluKit.Benchmarks;

/// <summary>
/// Forward (or forward + backward) of the family on dense (N×256) and conv (N×16×32×32) tensors. ReLU is the baseline,
/// so the Ratio column is X / ReLU; kit / native PReLU is the ratio of the kit's channel-wise row to TorchSharp's
/// <c>nn.PReLU</c> row of the same run, and the LibtorchBackward row isolates the kit's fused backward.
/// </summary>
[InProcess]
[WarmupCount(2)]
[IterationCount(10)]
public class ActivationForwardBackward
{
    private Tensor _input = null!;
    private Tensor _upstream = null!;
    private nn.Module<Tensor, Tensor> _relu = null!;
    private nn.Module<Tensor, Tensor> _leaky = null!;
    private nn.Module<Tensor, Tensor> _shared = null!;
    private nn.Module<Tensor, Tensor> _channelWise = null!;
    private nn.Module<Tensor, Tensor> _native = null!;
    private PReLU _channelWiseLibtorchBackward = null!;

    [Params("dense", "conv")]
    public string Layout { get; set; } = "dense";

    [Params(65_536, 1_048_576, 16_777_216)]
    public int Elements { get; set; }

    [Params(false, true)]
    public bool Backward { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Native.TorchNative.EnsureLoaded();
        long channels = Layout == "dense" ? 256 : 16;
        long[] shape = Layout == "dense" ? [Elements / channels, channels] : [Elements / (channels * 1024), channels, 32, 32];
        _input = randn(shape, generator: new Generator(1)).requires_grad_(Backward);
        _upstream = ones(shape);
        _relu = nn.ReLU();
        _leaky = nn.LeakyReLU(0.01);
        _shared = PReLU.Shared();
        _channelWise = PReLU.ChannelWise(channels);
        _native = nn.PReLU(channels);
        _channelWiseLibtorchBackward = PReLU.ChannelWise(channels);
        _channelWiseLibtorchBackward.FusedBackward = false;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var disposable in new IDisposable[] { _input, _upstream, _relu, _leaky, _shared, _channelWise, _native, _channelWiseLibtorchBackward })
        {
            disposable.Dispose();
        }
    }

    [Benchmark(Baseline = true)]
    public void ReLU() => Run(_relu);

    [Benchmark]
    public void LeakyReLU() => Run(_leaky);

    [Benchmark]
    public void PReLUSharedKit() => Run(_shared);

    [Benchmark]
    public void PReLUChannelWiseKit() => Run(_channelWise);

    [Benchmark]
    public void PReLUChannelWiseNative() => Run(_native);

    /// <summary>The kit's layer with its fused backward switched off: what the fused kernel is measured against.</summary>
    [Benchmark]
    public void PReLUChannelWiseKitLibtorchBackward() => Run(_channelWiseLibtorchBackward);

    private void Run(nn.Module<Tensor, Tensor> module)
    {
        using var scope = NewDisposeScope();
        if (Backward)
        {
            module.call(_input).backward([_upstream]);
        }
        else
        {
            using var noGrad = no_grad();
            module.call(_input);
        }
    }
}
