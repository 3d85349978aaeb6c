using PReluKit.Models;
using PReluKit.Tests.Infrastructure;
using static TorchSharp.torch;

namespace PReluKit.Tests.Models;

public class FastMaxPool2dTests
{
    public static TheoryData<long[], long, string> Cases => new()
    {
        { [8, 16, 28, 28], 2, "relu" },   // the CNN's first pool; after ReLU whole windows tie at 0
        { [8, 32, 14, 14], 2, "leaky" },  // the second pool
        { [3, 5, 7, 9], 2, "relu" },      // odd sizes: the last row and column are dropped, as in nn.MaxPool2d
        { [2, 3, 12, 12], 3, "leaky" },   // 3×3 windows
        { [4, 2, 6, 6], 2, "ties" },      // every value equal: the first element of each window wins
        { [2, 3, 6, 7], 2, "nan" },       // NaNs win their windows (the last NaN of a window, as libtorch scans)
        { [1, 1, 2, 2], 2, "relu" },      // one window
        { [2, 3, 16, 20], 2, "nan" },     // the SIMD path (8 windows at a time, an overlapping last block) with NaNs
        { [2, 2, 16, 18], 2, "ties" },    // the SIMD path with ties, nine windows a row
    };

    private static Tensor Input(long[] shape, string kind)
    {
        using var raw = randn(shape, generator: new Generator(21));
        return kind switch
        {
            "relu" => nn.functional.relu(raw),
            "leaky" => nn.functional.leaky_relu(raw, 0.01),
            "nan" => raw.where(raw.abs() < 1.2, full(shape, float.NaN)),
            _ => ones(shape),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Values_and_gradients_equal_nn_MaxPool2d_bit_for_bit(long[] shape, long kernel, string kind)
    {
        using var x = Input(shape, kind);
        using var xFast = x.clone().requires_grad_();
        using var xRef = x.clone().requires_grad_();
        using var fast = new FastMaxPool2d(kernel);
        using var reference = nn.MaxPool2d(kernel);
        using var yFast = fast.call(xFast);
        using var yRef = reference.call(xRef);
        TensorAssert.Equal(yRef, yFast);
        Assert.True(yFast.is_contiguous());

        using var upstream = randn(yRef.shape, generator: new Generator(22));
        yFast.backward([upstream]);
        yRef.backward([upstream]);
        TensorAssert.Equal(xRef.grad!, xFast.grad!);
    }

    [Fact]
    public void Without_gradients_it_returns_the_same_contiguous_values()
    {
        using var x = Input([4, 8, 10, 10], "leaky");
        using var fast = new FastMaxPool2d();
        using var reference = nn.MaxPool2d(2);
        using var expected = reference.call(x);
        using var actual = fast.call(x);
        TensorAssert.Equal(expected, actual);
        Assert.True(actual.is_contiguous());
        Assert.False(actual.requires_grad);
    }

    [Fact]
    public void Non_contiguous_and_unbatched_inputs_are_pooled_like_nn_MaxPool2d()
    {
        using var fast = new FastMaxPool2d();
        using var reference = nn.MaxPool2d(2);
        using var channelsLast = randn([2, 6, 6, 3], generator: new Generator(3)).permute(0, 3, 1, 2);
        using var unbatched = randn([3, 6, 6], generator: new Generator(4));
        using (var expected = reference.call(channelsLast))
        using (var actual = fast.call(channelsLast))
        {
            TensorAssert.Equal(expected, actual);
        }

        using (var expected = reference.call(unbatched))
        using (var actual = fast.call(unbatched))
        {
            TensorAssert.Equal(expected, actual);
        }
    }

    [Fact]
    public void A_kernel_below_one_is_rejected_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FastMaxPool2d(0));
        Assert.Equal("kernelSize", error.ParamName);
    }
}
