using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using PReluKit.Native;
using static TorchSharp.torch;

namespace PReluKit.Kernels;

/// <summary>
/// ∂L/∂W and ∂L/∂b of a 3×3 convolution with one input channel, stride 1 and padding 1, in one sweep over the output
/// gradient. libtorch's oneDNN kernel for this shape (the first layer of an image CNN) reduces over the batch in a way
/// that made it the slowest op of the kit's CNN step (README, "Performance").
/// </summary>
/// <remarks>
/// Each sample's sums are accumulated in float in a fixed order, then the samples are added in sample order in double,
/// so the result has the same bits however many threads ran (libtorch's OpenMP team, <see cref="OpenMpTeam"/>). It differs
/// from libtorch's gradient by float rounding only.
/// </remarks>
internal static unsafe class Conv3x3WeightGradient
{
    /// <summary>True for an input and output gradient the kernel serves.</summary>
    public static bool Serves(Tensor input, Tensor gradOutput) =>
        TensorData.IsAvailable && Avx2.IsSupported && Fma.IsSupported &&
        input.dim() == 4 && input.shape[1] == 1 && input.dtype == ScalarType.Float32 && input.device_type == TorchSharp.DeviceType.CPU &&
        input.shape[3] >= 8 && gradOutput.dim() == 4 && gradOutput.shape[0] == input.shape[0] &&
        gradOutput.shape[2] == input.shape[2] && gradOutput.shape[3] == input.shape[3];

    /// <summary>(∂L/∂W of shape [C, 1, 3, 3], ∂L/∂b of shape [C]) for input (N, 1, H, W) and output gradient (N, C, H, W).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (Tensor Weight, Tensor Bias) Compute(Tensor input, Tensor gradOutput)
    {
        using var x = input.is_contiguous() ? null : input.contiguous();
        using var g = gradOutput.dtype == ScalarType.Float32 && gradOutput.is_contiguous() ? null : gradOutput.to(ScalarType.Float32).contiguous();
        var (xs, gs) = (x ?? input, g ?? gradOutput);
        var (n, c, h, w) = (gs.shape[0], gs.shape[1], gs.shape[2], gs.shape[3]);
        const int Taps = 10; // nine weights and the bias
        var partial = new float[n * c * Taps];
        var xp = (float*)TensorData.Address(xs);
        var gp = (float*)TensorData.Address(gs);
        OpenMpTeam.For(n, OpenMpTeam.GrainOf(c * h * w), (first, end) =>
        {
            var padded = new float[(h + 2) * (w + 2)];
            fixed (float* pad = padded)
            fixed (float* sums = partial)
            {
                for (var s = first; s < end; s++)
                {
                    Sample(xp + (s * h * w), gp + (s * c * h * w), pad, sums + (s * c * Taps), c, h, w);
                }
            }
        });
        GC.KeepAlive(xs);
        GC.KeepAlive(gs);

        var weight = zeros([c, 1, 3, 3], ScalarType.Float32);
        var bias = zeros([c], ScalarType.Float32);
        var wp = (float*)TensorData.Address(weight);
        var bp = (float*)TensorData.Address(bias);
        for (var ch = 0; ch < c; ch++)
        {
            for (var t = 0; t < Taps; t++)
            {
                var total = 0.0;
                for (var s = 0L; s < n; s++)
                {
                    total += partial[(((s * c) + ch) * Taps) + t];
                }

                if (t < 9)
                {
                    wp[(ch * 9) + t] = (float)total;
                }
                else
                {
                    bp[ch] = (float)total;
                }
            }
        }

        GC.KeepAlive(weight);
        GC.KeepAlive(bias);
        return (weight, bias);
    }

    /// <summary>One sample: zero-padded input plane, then per channel nine correlations and the bias sum, eight columns at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sample(float* x, float* g, float* pad, float* sums, long c, long h, long w)
    {
        var stride = w + 2;
        new Span<float>(pad, (int)((h + 2) * stride)).Clear();
        for (var y = 0L; y < h; y++)
        {
            new ReadOnlySpan<float>(x + (y * w), (int)w).CopyTo(new Span<float>(pad + ((y + 1) * stride) + 1, (int)w));
        }

        // The last block of a row overlaps the one before it; its first lanes are masked out so no column counts twice.
        var lastStart = w - 8;
        var overlap = (int)(((w + 7) / 8 * 8) - w) % 8;
        Span<int> laneMask = stackalloc int[8];
        for (var lane = 0; lane < 8; lane++)
        {
            laneMask[lane] = lane < overlap ? 0 : -1;
        }

        var lastMask = Vector256.Create<int>(laneMask).AsSingle();
        var a = stackalloc Vector256<float>[10];
        for (var ch = 0L; ch < c; ch++)
        {
            for (var t = 0; t < 10; t++)
            {
                a[t] = Vector256<float>.Zero;
            }

            var plane = g + (ch * h * w);
            for (var y = 0L; y < h; y++)
            {
                var row = plane + (y * w);
                for (var j = 0L; j < w; j += 8)
                {
                    var start = Math.Min(j, lastStart);
                    var gv = Avx.LoadVector256(row + start);
                    if (start != j)
                    {
                        gv = Avx.And(gv, lastMask);
                    }

                    var p = pad + (y * stride) + start;
                    a[0] = Fma.MultiplyAdd(gv, Avx.LoadVector256(p), a[0]);
                    a[1] = Fma.MultiplyAdd(gv, Avx.LoadVector256(p + 1), a[1]);
                    a[2] = Fma.MultiplyAdd(gv, Avx.LoadVector256(p + 2), a[2]);
                    a[3] = Fma.MultiplyAdd(gv, Avx.LoadVector256(p + stride), a[3]);
                    a[4] = Fma.MultiplyAdd(gv, Avx.LoadVector256(p + stride + 1), a[4]);
                    a[5] = Fma.MultiplyAdd(gv, Avx.LoadVector256(p + stride + 2), a[5]);
                    a[6] = Fma.MultiplyAdd(gv, Avx.LoadVector256(p + (2 * stride)), a[6]);
                    a[7] = Fma.MultiplyAdd(gv, Avx.LoadVector256(p + (2 * stride) + 1), a[7]);
                    a[8] = Fma.MultiplyAdd(gv, Avx.LoadVector256(p + (2 * stride) + 2), a[8]);
                    a[9] = Avx.Add(gv, a[9]);
                }
            }

            for (var t = 0; t < 10; t++)
            {
                sums[(ch * 10) + t] = Vector256.Sum(a[t]);
            }
        }
    }
}
