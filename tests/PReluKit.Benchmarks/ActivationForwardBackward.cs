using BenchmarkDotNet.Attributes;
using PReluKit.Activations;
using PReluKit.Benchmarking;
using static TorchSharp.torch;

namespace PReluKit.Benchmarks;

/// <summary>
/// Forward (or forward + backward) of the family on dense (N×256) and conv (N×16×32×32) tensors, through the same
/// contestants as <c>prelu bench</c> (<see cref="ActivationTiming"/>, one pass per invocation). ReLU is the baseline, so
/// the Ratio column is X / ReLU; kit / native PReLU is the ratio of the kit's channel-wise row to TorchSharp's
/// <c>nn.PReLU</c> row of the same run, and the LibtorchBackward row isolates the kit's fused backward.
/// </summary>
[InProcess]
[WarmupCount(2)]
[IterationCount(15)]
public class ActivationForwardBackward
{
    private readonly Dictionary<string, (nn.Module<Tensor, Tensor> Module, Contestant Contestant)> _contestants = [];

    [Params("dense", "conv")]
    public string Layout { get; set; } = "dense";

    [Params(16_384, 65_536, 1_048_576, 16_777_216)]
    public int Elements { get; set; }

    [Params(false, true)]
    public bool Backward { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Native.TorchNative.EnsureLoaded();
        long channels = Layout == "dense" ? 256 : 16;
        long[] shape = Layout == "dense" ? [Elements / channels, channels] : [Math.Max(1, Elements / (channels * 1024)), channels, 32, 32];
        var libtorchBackward = PReLU.ChannelWise(channels);
        libtorchBackward.FusedBackward = false;
        foreach (var (key, module) in new (string, nn.Module<Tensor, Tensor>)[]
                 {
                     ("relu", nn.ReLU()), ("leaky", nn.LeakyReLU(0.01)), ("shared", PReLU.Shared()), ("kit", PReLU.ChannelWise(channels)),
                     ("native", nn.PReLU(channels)), ("kit-libtorch", libtorchBackward),
                 })
        {
            _contestants[key] = (module, Backward ? ActivationTiming.ForwardBackward(module, shape, 1) : ActivationTiming.Forward(module, shape, 1));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var (module, contestant) in _contestants.Values)
        {
            contestant.Dispose();
            module.Dispose();
        }

        _contestants.Clear();
    }

    [Benchmark(Baseline = true)]
    public double ReLU() => _contestants["relu"].Contestant.Run();

    [Benchmark]
    public double LeakyReLU() => _contestants["leaky"].Contestant.Run();

    [Benchmark]
    public double PReLUSharedKit() => _contestants["shared"].Contestant.Run();

    [Benchmark]
    public double PReLUChannelWiseKit() => _contestants["kit"].Contestant.Run();

    [Benchmark]
    public double PReLUChannelWiseNative() => _contestants["native"].Contestant.Run();

    /// <summary>The kit's layer with its fused backward switched off: what the fused kernel is measured against.</summary>
    [Benchmark]
    public double PReLUChannelWiseKitLibtorchBackward() => _contestants["kit-libtorch"].Contestant.Run();
}
