using PReluKit.Kernels;

using static TorchSharp.torch;

namespace PReluKit.Models;

/// <summary>
/// Non-overlapping 2-D max pooling (stride = kernel, no padding) with the values, indices and gradients of
/// <c>nn.MaxPool2d</c>, faster on CPU for N×C×H×W maps (README, "Performance").
/// </summary>
/// <remarks>
/// <para>
/// libtorch's CPU max pooling is vectorised only for channels-last memory; for ordinary (N, C, H, W) tensors it runs a
/// scalar loop and keeps an 8-byte index per output. 2×2 windows on contiguous float32 maps (the kit's CNN) go to
/// <see cref="MaxPool2x2Kernel"/>: one pass forward, one pass backward, on libtorch's OpenMP team. Other window sizes
/// pool a channels-last copy (TorchSharp 0.107 has no memory-format API; a permuted contiguous copy has channels-last
/// strides, which libtorch recognises) without autograd, then pick the winners from the original input with
/// <c>gather</c>, so autograd sees a gather (backward: one scatter into the input's gradient).
/// </para>
/// <para>
/// The windows do not overlap, so each input element receives at most one gradient. Ties go to the first maximum in
/// window order and a NaN wins its window, as in libtorch's kernels for both layouts: values and gradients are
/// bit-identical to <c>nn.MaxPool2d</c> (<c>FastMaxPool2dTests</c>). Inputs that are not 4-D go to <c>functional.max_pool2d</c>.
/// </para>
/// </remarks>
public sealed class FastMaxPool2d : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the layer for square <paramref name="kernelSize"/> × <paramref name="kernelSize"/> windows.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kernelSize"/> is below 1.</exception>
    public FastMaxPool2d(long kernelSize = 2, string name = "FastMaxPool2d")
        : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelSize, 1, nameof(kernelSize));
        KernelSize = kernelSize;
    }

    /// <summary>The window's height and width, and the stride.</summary>
    public long KernelSize { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (KernelSize == 2 && MaxPool2x2Kernel.Serves(input))
        {
            return is_grad_enabled() && input.requires_grad
                ? MaxPool2x2Function.apply(input)
                : MaxPool2x2Kernel.Forward(input, winners: false).Values;
        }

        long[] window = [KernelSize, KernelSize];
        if (input.dim() != 4)
        {
            return nn.functional.max_pool2d(input, window);
        }

        var training = is_grad_enabled() && input.requires_grad;
        Tensor values;
        Tensor? indices = null;
        using (no_grad())
        {
            using var nhwc = input.permute(0, 2, 3, 1);
            using var packed = nhwc.contiguous();
            using var channelsLast = packed.permute(0, 3, 1, 2);
            if (training)
            {
                (values, indices) = nn.functional.max_pool2d_with_indices(channelsLast, window);
            }
            else
            {
                values = nn.functional.max_pool2d(channelsLast, window);
            }
        }

        using (values)
        using (indices)
        {
            if (indices is null)
            {
                return values.contiguous();
            }

            // Indices are flat positions within each (n, c) plane, as gather over the flattened plane expects.
            var (n, c) = (input.shape[0], input.shape[1]);
            using var packedIndices = indices.contiguous();
            using var flatIndices = packedIndices.view(n, c, -1);
            using var plane = input.reshape(n, c, -1);
            using var picked = plane.gather(2, flatIndices);
            return picked.view(values.shape);
        }
    }
}
