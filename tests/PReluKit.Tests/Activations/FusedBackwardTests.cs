using System.Diagnostics;
using PReluKit.Activations;
using PReluKit.Kernels;
using PReluKit.Native;
using PReluKit.Tests.Infrastructure;
using static TorchSharp.torch;

namespace PReluKit.Tests.Activations;

/// <summary>The kit's fused PReLU backward against libtorch's, on every layout and size class it serves.</summary>
[Collection(SerialCollection.Name)]
public class FusedBackwardTests
{
    /// <summary>x with exact zeros and both signs; α with distinct, partly negative values per channel.</summary>
    private static (Tensor X, Tensor Alpha, Tensor Upstream) Case(long[] shape, long channels)
    {
        var x = randn(shape, generator: new Generator(11));
        using (var every7th = x.view(-1)[TensorIndex.Slice(0, null, 7)])
        {
            every7th.zero_();
        }

        var alpha = linspace(-0.3, 0.9, channels, ScalarType.Float32);
        var upstream = randn(shape, generator: new Generator(12));
        return (x, alpha, upstream);
    }

    /// <summary>libtorch's own gradients of y = prelu(x, α) for the upstream gradient.</summary>
    private static (Tensor GradInput, Tensor GradAlpha) Native(Tensor x, Tensor alpha, Tensor upstream)
    {
        using var xg = x.detach().requires_grad_();
        using var ag = alpha.detach().requires_grad_();
        using var y = nn.functional.prelu(xg, ag);
        y.backward([upstream]);
        return (xg.grad!.detach().clone(), ag.grad!.detach().clone());
    }

    public static TheoryData<long[], long> Layouts => new()
    {
        { [5, 3], 3 },                  // dense rows, narrower than one SIMD vector
        { [7, 19], 19 },                // dense, channel count not a multiple of the vector width
        { [64, 256], 256 },             // dense, one chunk: one thread
        { [16384, 256], 256 },          // dense, many chunks on the OpenMP team
        { [3, 5, 7, 9], 5 },            // conv rows with scalar tails
        { [128, 16, 28, 28], 16 },      // the CNN's first activation
        { [64, 16, 64, 64], 16 },       // conv rows, parallel
        { [2, 4, 3], 4 },               // rank 3, rows shorter than a vector
        { [33, 17], 1 },                // shared α
        { [4_194_304], 1 },             // shared α over a flat tensor, parallel
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void The_kernel_matches_libtorch_on_every_layout(long[] shape, long channels)
    {
        var (x, alpha, upstream) = Case(shape, channels);
        using (x)
        using (alpha)
        using (upstream)
        {
            var (expectedInput, expectedAlpha) = Native(x, alpha, upstream);
            var (gradInput, gradAlpha) = PReluBackwardKernel.Compute(x, upstream, alpha);
            using (expectedInput)
            using (expectedAlpha)
            using (gradInput)
            using (gradAlpha)
            {
                // g or α·g, the same single multiply as libtorch: identical bits.
                TensorAssert.Equal(expectedInput, gradInput);
                using var scale = expectedAlpha.abs().max();
                TensorAssert.Close(expectedAlpha, gradAlpha, 1e-5 * Math.Max(1, scale.item<float>()));
            }
        }
    }

    [Fact]
    public void The_alpha_gradient_has_the_same_bits_on_one_thread_and_on_many()
    {
        var (x, alpha, upstream) = Case([64, 16, 64, 64], 16);
        Assert.True(x.numel() > 2 * PReluBackwardKernel.ChunkElements && OpenMpTeam.IsAvailable, "the case must reach the parallel sweep");
        var threads = get_num_threads();
        try
        {
            set_num_threads(1);
            var (input1, alpha1) = PReluBackwardKernel.Compute(x, upstream, alpha);
            set_num_threads(Math.Max(2, threads));
            var (inputN, alphaN) = PReluBackwardKernel.Compute(x, upstream, alpha);
            var (inputAgain, alphaAgain) = PReluBackwardKernel.Compute(x, upstream, alpha);
            TensorAssert.Equal(alpha1, alphaN);
            TensorAssert.Equal(alphaN, alphaAgain);
            TensorAssert.Equal(input1, inputN);
            foreach (var t in new[] { input1, alpha1, inputN, alphaN, inputAgain, alphaAgain, x, alpha, upstream })
            {
                t.Dispose();
            }
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    [Fact]
    public void The_OpenMP_team_runs_every_thread_once_and_rethrows_their_exceptions()
    {
        Assert.True(OpenMpTeam.IsAvailable, "libtorch's libgomp was not found; the sweep would run on one thread.");
        var seen = new int[2];
        var teams = new int[2];
        OpenMpTeam.Run(2, (thread, team) =>
        {
            Interlocked.Increment(ref seen[thread]);
            teams[thread] = team;
        });
        Assert.Equal([1, 1], seen);
        Assert.Equal([2, 2], teams);
        var error = Assert.Throws<InvalidOperationException>(() => OpenMpTeam.Run(2, (thread, _) =>
        {
            if (thread == 1)
            {
                throw new InvalidOperationException("from a worker");
            }
        }));
        Assert.Equal("from a worker", error.Message);
    }

    [Fact]
    public void A_view_with_a_storage_offset_is_read_from_its_own_first_element()
    {
        using var whole = randn([9, 32, 16, 16], generator: new Generator(5));
        using var view = whole[TensorIndex.Slice(1, null)]; // contiguous, offset by one sample
        using var alpha = full([32], 0.3f);
        using var upstream = randn(view.shape, generator: new Generator(6));
        var (expectedInput, expectedAlpha) = Native(view, alpha, upstream);
        var (gradInput, gradAlpha) = PReluBackwardKernel.Compute(view, upstream, alpha);
        TensorAssert.Equal(expectedInput, gradInput);
        TensorAssert.Close(expectedAlpha, gradAlpha, 1e-3);
    }

    [Fact]
    public void Non_contiguous_and_double_upstream_gradients_are_accepted()
    {
        var (x, alpha, _) = Case([64, 8, 10, 10], 8);
        using var transposed = randn([64, 10, 10, 8], generator: new Generator(3)).permute(0, 3, 1, 2);
        using var asDouble = transposed.to(ScalarType.Float64);
        var (expectedInput, expectedAlpha) = Native(x, alpha, transposed);
        var (gradInput, gradAlpha) = PReluBackwardKernel.Compute(x, asDouble, alpha);
        TensorAssert.Equal(expectedInput, gradInput);
        TensorAssert.Close(expectedAlpha, gradAlpha, 1e-3);
    }

    [Fact]
    public void The_kernel_rejects_an_input_it_cannot_sweep_naming_what_it_expected()
    {
        using var x = randn([8, 4, 5]).transpose(1, 2);
        using var alpha = full([4], 0.25f);
        using var upstream = ones([8, 5, 4]);
        var error = Assert.Throws<ArgumentException>(() => PReluBackwardKernel.Compute(x, upstream, alpha));
        Assert.Contains("contiguous float32 CPU input with 4 channel(s) on dim 1", error.Message);
        Assert.Contains("[8, 5, 4]", error.Message);
    }

    [Fact]
    public void A_scalar_input_with_channel_wise_alpha_is_rejected_not_indexed()
    {
        using var x = tensor(1f);
        using var alpha = full([4], 0.25f);
        var error = Assert.Throws<ArgumentException>(() => PReluBackwardKernel.Compute(x, x, alpha));
        Assert.Contains("4 channel(s) on dim 1", error.Message);
    }

    [Fact]
    public void An_upstream_gradient_of_another_shape_is_rejected_before_any_memory_is_read()
    {
        using var x = randn([8, 4, 5]);
        using var alpha = full([4], 0.25f);
        using var upstream = ones([8, 4, 4]);
        var error = Assert.Throws<ArgumentException>(() => PReluBackwardKernel.Compute(x, upstream, alpha));
        Assert.Equal("gradOutput", error.ParamName);
        Assert.Contains("[8, 4, 5]", error.Message);
        Assert.Contains("[8, 4, 4]", error.Message);
    }

    [Fact]
    public void The_module_takes_the_fused_path_only_where_it_applies()
    {
        Assert.True(TensorData.IsAvailable, "TorchSharp's THSTensor_data entry point was not bound; the fused backward is off.");
        using var prelu = PReLU.ChannelWise(16);
        using var big = randn([128, 16, 28, 28]).requires_grad_();
        using var small = randn([16, 16, 4, 4]).requires_grad_();
        using var channelsLast = randn([128, 28, 28, 16]).permute(0, 3, 1, 2).requires_grad_();
        Assert.True(prelu.UsesFusedBackward(big, prelu.Weight));
        Assert.False(prelu.UsesFusedBackward(small, prelu.Weight), "below MinimumElements libtorch's backward is cheaper");
        Assert.False(prelu.UsesFusedBackward(channelsLast, prelu.Weight), "a non-contiguous input goes to libtorch");
        using (no_grad())
        {
            Assert.False(prelu.UsesFusedBackward(big, prelu.Weight), "inference never builds the custom node");
        }

        prelu.FusedBackward = false;
        Assert.False(prelu.UsesFusedBackward(big, prelu.Weight));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Module_gradients_equal_the_native_path_through_call_and_hooks(bool shared)
    {
        using var fused = shared ? PReLU.Shared() : PReLU.ChannelWise(16);
        using var native = shared ? PReLU.Shared() : PReLU.ChannelWise(16);
        native.FusedBackward = false;
        var hookCalls = 0;
        fused.register_forward_hook((_, _, output) =>
        {
            hookCalls++;
            return output;
        });
        using var x = randn([64, 16, 12, 12], generator: new Generator(9));
        using var xFused = x.clone().requires_grad_();
        using var xNative = x.clone().requires_grad_();

        // sum() sends back an expanded, zero-stride gradient: the kernel must not assume contiguity of g.
        using (var loss = fused.call(xFused).square().sum())
        {
            loss.backward();
        }

        using (var loss = native.call(xNative).square().sum())
        {
            loss.backward();
        }

        Assert.Equal(1, hookCalls);
        TensorAssert.Close(xNative.grad!, xFused.grad!, 1e-6);
        TensorAssert.Close(native.Weight.grad!, fused.Weight.grad!, 1e-2);
        using var relative = ((native.Weight.grad! - fused.Weight.grad!).abs() / native.Weight.grad!.abs().clamp_min(1)).max();
        Assert.True(relative.item<float>() < 1e-5, $"α gradient relative error {relative.item<float>()}");
    }

    [Fact]
    public void Native_memory_stays_flat_over_many_training_steps()
    {
        using var prelu = PReLU.ChannelWise(16);
        using var x = randn([128, 16, 28, 28]).requires_grad_(); // 6.4 MB; a leaked step would hold ≥ 12.8 MB
        void Steps(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var scope = NewDisposeScope();
                prelu.call(x).sum().backward();
                x.grad!.zero_();
                prelu.Weight.grad!.zero_();
            }
        }

        Steps(20);
        var before = Process.GetCurrentProcess().WorkingSet64;
        Steps(200);
        var growth = (Process.GetCurrentProcess().WorkingSet64 - before) / 1e6;
        Assert.True(growth < 100, $"resident memory grew {growth:0} MB over 200 steps (a leak of one activation per step would be ≥ 1,280 MB)");
    }
}
