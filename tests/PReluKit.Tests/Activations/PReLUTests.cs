using PReluKit.Activations;
using PReluKit.Tests.Infrastructure;
using TorchSharp;
using static TorchSharp.torch;

namespace PReluKit.Tests.Activations;

public class PReLUTests
{
    private static Tensor Sample(params long[] shape)
    {
        var generator = new Generator(7);
        var x = randn(shape, generator: generator);
        x[TensorIndex.Ellipsis, 0] = zeros_like(x[TensorIndex.Ellipsis, 0]); // include exact zeros
        return x;
    }

    [Fact]
    public void Alpha_zero_equals_ReLU_exactly()
    {
        using var x = Sample(64, 32);
        using var prelu = PReLU.ChannelWise(32, init: AlphaInit.Relu);
        using var relu = nn.ReLU();
        TensorAssert.Equal(relu.call(x), prelu.call(x));
    }

    [Fact]
    public void Alpha_one_hundredth_equals_LeakyReLU_exactly()
    {
        using var x = Sample(8, 4, 5, 5);
        using var prelu = PReLU.Shared(AlphaInit.Leaky);
        using var leaky = nn.LeakyReLU(0.01);
        TensorAssert.Equal(leaky.call(x), prelu.call(x));
    }

    [Theory]
    [InlineData(new long[] { 16, 6 })]
    [InlineData(new long[] { 4, 6, 5, 5 })]
    public void Shared_has_one_alpha_and_channel_wise_one_per_channel(long[] shape)
    {
        using var x = Sample(shape);
        using var shared = PReLU.Shared();
        using var channelWise = PReLU.ChannelWise(6);
        Assert.Equal([1L], shared.Weight.shape);
        Assert.Equal([6L], channelWise.Weight.shape);
        Assert.True(shared.IsShared);
        Assert.False(channelWise.IsShared);

        using (no_grad())
        {
            channelWise.Weight.copy_(arange(6, dtype: ScalarType.Float32) / 10);
        }

        using var y = channelWise.call(x);
        var view = shape.Select((_, i) => i == 1 ? 6L : 1L).ToArray();
        using var expected = where(x > 0, x, x * channelWise.Weight.detach().view(view));
        TensorAssert.Equal(expected, y);
        TensorAssert.Equal(where(x > 0, x, x * 0.25f), shared.call(x));
    }

    [Fact]
    public void Channel_dim_minus_one_on_channels_last_matches_channels_first()
    {
        using var nchw = Sample(2, 3, 4, 5);
        using var nhwc = nchw.permute(0, 2, 3, 1).contiguous();
        using var first = PReLU.ChannelWise(3);
        using var last = PReLU.ChannelWise(3, channelDim: -1);
        using (no_grad())
        {
            first.Weight.copy_(tensor(new[] { 0.1f, 0.2f, 0.3f }));
            last.Weight.copy_(first.Weight);
        }

        TensorAssert.Equal(first.call(nchw).permute(0, 2, 3, 1), last.call(nhwc));
    }

    [Fact]
    public void Gradients_match_the_analytic_form_including_x_equal_zero()
    {
        using var x = Sample(10, 3).requires_grad_();
        using var prelu = PReLU.ChannelWise(3);
        using (no_grad())
        {
            prelu.Weight.copy_(tensor(new[] { 0.1f, 0.25f, 0.7f }));
        }

        using var upstream = randn(10, 3, generator: new Generator(3));
        prelu.call(x).mul(upstream).sum().backward();

        using var xd = x.detach();
        using var alpha = prelu.Weight.detach();
        using var expectedInputGrad = where(xd > 0, upstream, upstream * alpha);
        using var expectedAlphaGrad = (xd.clamp_max(0) * upstream).sum([0L]);
        TensorAssert.Close(expectedInputGrad, x.grad!, 1e-6);
        TensorAssert.Close(expectedAlphaGrad, prelu.Weight.grad!, 1e-5);
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        using var prelu = PReLU.ChannelWise(4);
        prelu.to(ScalarType.Float64);
        using (no_grad())
        {
            prelu.Weight.copy_(tensor(new[] { 0.05, 0.25, 0.5, 1.5 }));
        }

        // Keep inputs away from 0, where f is not differentiable.
        using var raw = randn([6, 4], dtype: ScalarType.Float64, generator: new Generator(11));
        using var x = (raw + raw.sign() * 0.1).requires_grad_();
        Tensor Loss(Tensor input) => prelu.call(input).pow(2).sum();

        Loss(x).backward();
        const double h = 1e-6;
        using var xd = x.detach();
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                using var plus = xd.clone();
                using var minus = xd.clone();
                plus[i, j] += h;
                minus[i, j] -= h;
                var numeric = (Loss(plus).item<double>() - Loss(minus).item<double>()) / (2 * h);
                Assert.Equal(numeric, x.grad![i, j].item<double>(), 1e-5);
            }
        }

        for (var c = 0; c < 4; c++)
        {
            double LossAt(double delta)
            {
                using var noGrad = no_grad();
                prelu.Weight[c] += delta;
                var value = Loss(xd).item<double>();
                prelu.Weight[c] -= delta;
                return value;
            }

            var numeric = (LossAt(h) - LossAt(-h)) / (2 * h);
            Assert.Equal(numeric, prelu.Weight.grad![c].item<double>(), 1e-5);
        }
    }

    [Fact]
    public void Shared_axes_without_sharing_gives_one_alpha_per_element()
    {
        using var x = Sample(5, 3, 4);
        using var prelu = PReLU.WithSharedAxes([3, 4], []);
        Assert.Equal([3L, 4L], prelu.Weight.shape);
        using (no_grad())
        {
            prelu.Weight.copy_(arange(12, dtype: ScalarType.Float32).view(3, 4) / 12);
        }

        using var expected = where(x > 0, x, x * prelu.Weight.detach().unsqueeze(0));
        TensorAssert.Equal(expected, prelu.call(x));
    }

    [Fact]
    public void Shared_axes_one_and_two_on_channels_last_maps_is_channel_wise()
    {
        using var x = Sample(2, 4, 5, 3);
        using var keras = PReLU.WithSharedAxes([4, 5, 3], [1, 2]);
        Assert.Equal([1L, 1L, 3L], keras.Weight.shape);
        using (no_grad())
        {
            keras.Weight.copy_(tensor(new[] { 0.1f, 0.2f, 0.3f }).view(1, 1, 3));
        }

        using var expected = where(x > 0, x, x * keras.Weight.detach().unsqueeze(0));
        TensorAssert.Equal(expected, keras.call(x));
    }

    [Fact]
    public void Shared_axis_one_on_channels_last_maps_broadcasts_over_height_only()
    {
        using var x = Sample(2, 4, 5, 3);
        using var keras = PReLU.WithSharedAxes([4, 5, 3], [1]);
        Assert.Equal([1L, 5L, 3L], keras.Weight.shape);
        using (no_grad())
        {
            keras.Weight.copy_(rand([1, 5, 3], generator: new Generator(5)));
        }

        using var expected = where(x > 0, x, x * keras.Weight.detach().unsqueeze(0));
        TensorAssert.Equal(expected, keras.call(x));
    }

    [Fact]
    public void State_dict_round_trips_and_loads_into_TorchSharp_PReLU()
    {
        using var x = Sample(4, 5);
        using var trained = PReLU.ChannelWise(5);
        using (no_grad())
        {
            trained.Weight.copy_(tensor(new[] { -0.2f, 0f, 0.1f, 0.5f, 2f }));
        }

        Assert.Equal(["weight"], trained.state_dict().Keys);
        var path = Path.Combine(Path.GetTempPath(), $"prelu-{Guid.NewGuid():N}.bin");
        try
        {
            trained.save(path);
            using var restored = PReLU.ChannelWise(5);
            restored.load(path);
            TensorAssert.Equal(trained.call(x), restored.call(x));
        }
        finally
        {
            File.Delete(path);
        }

        using var native = nn.PReLU(5);
        native.load_state_dict(trained.state_dict());
        TensorAssert.Equal(trained.call(x), native.call(x));
    }

    [Fact]
    public void NaN_inputs_propagate()
    {
        using var x = tensor(new[] { float.NaN, -1f, 1f });
        using var y = PReLU.Shared().call(x);
        Assert.True(float.IsNaN(y[0].item<float>()));
        Assert.Equal(-0.25f, y[1].item<float>());
    }

    [Fact]
    public void The_constraint_projects_alpha_into_its_box()
    {
        using var prelu = PReLU.ChannelWise(3, constraint: AlphaConstraint.UnitInterval);
        using (no_grad())
        {
            prelu.Weight.copy_(tensor(new[] { -0.5f, 0.3f, 1.7f }));
        }

        prelu.ProjectAlpha();
        Assert.Equal([0f, 0.3f, 1f], prelu.Weight.data<float>().ToArray());
    }

    [Fact]
    public void A_constraint_with_min_above_max_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new AlphaConstraint(1, 0));
        Assert.Contains("Min", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Non_positive_parameter_counts_are_rejected_naming_the_layer(long count)
    {
        var error = Assert.Throws<ArgumentException>(() => new PReLU(count, name: "act7"));
        Assert.Contains("act7", error.Message);
        Assert.Contains($"got {count}", error.Message);
        Assert.Equal("numParameters", error.ParamName);
    }

    [Fact]
    public void A_channel_count_mismatch_names_the_layer_and_both_shapes()
    {
        using var prelu = PReLU.ChannelWise(64, name: "conv2_act");
        using var x = zeros(8, 32, 5, 5);
        var error = Assert.Throws<ArgumentException>(() => prelu.call(x));
        Assert.Contains("conv2_act", error.Message);
        Assert.Contains("expected 64 channels", error.Message);
        Assert.Contains("[64]", error.Message);
        Assert.Contains("[8, 32, 5, 5]", error.Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-3)]
    public void A_channel_dim_out_of_range_names_the_dim_and_the_shape(int channelDim)
    {
        using var prelu = PReLU.ChannelWise(4, channelDim: channelDim, name: "fc1_act");
        using var x = zeros(2, 4);
        var error = Assert.Throws<ArgumentException>(() => prelu.call(x));
        Assert.Contains("fc1_act", error.Message);
        Assert.Contains($"channel dim {channelDim}", error.Message);
        Assert.Contains("[2, 4]", error.Message);
    }

    [Fact]
    public void Channel_dim_zero_the_batch_dim_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => PReLU.ChannelWise(4, channelDim: 0, name: "x"));
        Assert.Equal("channelDim", error.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Shared_axes_out_of_range_are_rejected(int axis)
    {
        var error = Assert.Throws<ArgumentException>(() => PReLU.WithSharedAxes([4, 5, 3], [axis], name: "keras_act"));
        Assert.Contains("keras_act", error.Message);
        Assert.Contains($"shared axis {axis}", error.Message);
        Assert.Contains("1..3", error.Message);
    }

    [Fact]
    public void Keras_alpha_that_does_not_fit_the_input_is_rejected()
    {
        using var prelu = PReLU.WithSharedAxes([4, 5, 3], [1, 2], name: "k");
        using var x = zeros(2, 4, 5, 6);
        var error = Assert.Throws<ArgumentException>(() => prelu.call(x));
        Assert.Contains("[1, 1, 3]", error.Message);
        Assert.Contains("[2, 4, 5, 6]", error.Message);
    }
}
