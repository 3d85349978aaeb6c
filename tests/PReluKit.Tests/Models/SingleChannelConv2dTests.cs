using PReluKit.Models;
using PReluKit.Tests.Infrastructure;
using static TorchSharp.torch;

namespace PReluKit.Tests.Models;

[Collection(SerialCollection.Name)]
public class SingleChannelConv2dTests
{
    public static TheoryData<long[], long> Cases => new()
    {
        { [128, 1, 28, 28], 16 }, // the kit's CNN: 28 columns, an overlapping last block of eight
        { [3, 1, 8, 8], 4 },      // one block a row
        { [5, 1, 7, 20], 3 },     // odd height, 20 columns
        { [2, 1, 9, 16], 1 },     // one filter, blocks without overlap
    };

    private static (SingleChannelConv2d Kit, TorchSharp.Modules.Conv2d Reference) Pair(long channels)
    {
        var kit = new SingleChannelConv2d(channels);
        var reference = nn.Conv2d(1, channels, kernel_size: 3, padding: 1);
        using var noGrad = no_grad();
        kit.Weight.copy_(randn([channels, 1, 3, 3], generator: new Generator(7)));
        kit.Bias.copy_(randn([channels], generator: new Generator(8)));
        reference.weight!.copy_(kit.Weight);
        reference.bias!.copy_(kit.Bias);
        return (kit, reference);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_is_libtorchs_and_gradients_match_nn_Conv2d_to_float_rounding(long[] shape, long channels)
    {
        var (kit, reference) = Pair(channels);
        using (kit)
        using (reference)
        using (var x = randn(shape, generator: new Generator(9)))
        using (var upstream = randn([shape[0], channels, shape[2], shape[3]], generator: new Generator(10)))
        {
            using var yKit = kit.call(x);
            using var yRef = reference.call(x);
            TensorAssert.Equal(yRef, yKit);
            yKit.backward([upstream]);
            yRef.backward([upstream]);
            using var weightScale = reference.weight!.grad!.abs().max();
            TensorAssert.Close(reference.weight!.grad!, kit.Weight.grad!, 2e-5 * Math.Max(1, weightScale.item<float>()));
            using var biasScale = reference.bias!.grad!.abs().max();
            TensorAssert.Close(reference.bias!.grad!, kit.Bias.grad!, 2e-5 * Math.Max(1, biasScale.item<float>()));
        }
    }

    [Fact]
    public void The_weight_gradient_has_the_same_bits_on_one_thread_and_on_two()
    {
        var (kit, _) = Pair(16);
        using var x = randn([64, 1, 28, 28], generator: new Generator(11));
        using var upstream = randn([64, 16, 28, 28], generator: new Generator(12));
        Tensor Gradient()
        {
            kit.zero_grad();
            using var y = kit.call(x);
            y.backward([upstream]);
            return kit.Weight.grad!.clone();
        }

        var threads = get_num_threads();
        try
        {
            set_num_threads(1);
            using var one = Gradient();
            set_num_threads(2);
            using var two = Gradient();
            TensorAssert.Equal(one, two);
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    [Fact]
    public void An_input_that_needs_its_own_gradient_goes_through_libtorch()
    {
        var (kit, reference) = Pair(4);
        using var x = randn([2, 1, 10, 10], generator: new Generator(13));
        using var xKit = x.clone().requires_grad_();
        using var xRef = x.clone().requires_grad_();
        kit.call(xKit).sum().backward();
        reference.call(xRef).sum().backward();
        TensorAssert.Equal(xRef.grad!, xKit.grad!);
    }
}
