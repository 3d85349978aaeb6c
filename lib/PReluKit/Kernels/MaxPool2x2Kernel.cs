using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using PReluKit.Native;
using static TorchSharp.torch;

namespace PReluKit.Kernels;

/// <summary>
/// 2×2 max pooling with stride 2 on contiguous float32 N×C×H×W maps, forward and backward in one pass each, on libtorch's
/// OpenMP team. Values, winners and gradients are those of <c>nn.MaxPool2d(2)</c>: windows are scanned in the same order
/// with the same rule (a larger value or a NaN takes over), an odd last row or column is dropped, and each input element
/// receives at most one gradient, so results are bit-identical.
/// </summary>
/// <remarks>
/// The winner of each window is kept as one byte (0–3: top-left, top-right, bottom-left, bottom-right) instead of
/// libtorch's 8-byte flat index, and the backward writes every input gradient once, zeros included, instead of filling
/// the gradient with zeros and scattering into it.
/// </remarks>
internal static unsafe class MaxPool2x2Kernel
{
    /// <summary>True for inputs the kernel serves: 4-D contiguous float32 on the CPU, at least 2×2.</summary>
    public static bool Serves(Tensor input) =>
        TensorData.IsAvailable && input.dim() == 4 && input.dtype == ScalarType.Float32 &&
        input.device_type == TorchSharp.DeviceType.CPU && input.is_contiguous() && input.shape[2] >= 2 && input.shape[3] >= 2;

    /// <summary>The pooled maps and, when asked, each window's winner (uint8, the output's shape).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (Tensor Values, Tensor? Winners) Forward(Tensor input, bool winners)
    {
        var (n, c, h, w) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3]);
        var (oh, ow) = (h / 2, w / 2);
        var values = empty([n, c, oh, ow], ScalarType.Float32);
        var which = winners ? empty([n, c, oh, ow], ScalarType.Byte) : null;
        var x = (float*)TensorData.Address(input);
        var y = (float*)TensorData.Address(values);
        var k = which is null ? null : (byte*)TensorData.Address(which);
        var planes = n * c;
        OpenMpTeam.For(planes, OpenMpTeam.GrainOf(h * w), (first, end) =>
        {
            for (var p = first; p < end; p++)
            {
                ForwardPlane(x + (p * h * w), y + (p * oh * ow), k is null ? null : k + (p * oh * ow), w, oh, ow);
            }
        });
        GC.KeepAlive(input);
        GC.KeepAlive(values);
        GC.KeepAlive(which);
        return (values, which);
    }

    /// <summary>∂L/∂x of an input of <paramref name="inputShape"/> from the output gradient and the forward's winners.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Tensor Backward(Tensor gradOutput, Tensor winners, long[] inputShape)
    {
        using var contiguous = gradOutput.dtype == ScalarType.Float32 && gradOutput.is_contiguous() ? null : gradOutput.to(ScalarType.Float32).contiguous();
        var upstream = contiguous ?? gradOutput;
        var (h, w) = (inputShape[2], inputShape[3]);
        var (oh, ow) = (h / 2, w / 2);
        var gradInput = empty(inputShape, ScalarType.Float32);
        var g = (float*)TensorData.Address(upstream);
        var k = (byte*)TensorData.Address(winners);
        var gx = (float*)TensorData.Address(gradInput);
        var planes = inputShape[0] * inputShape[1];
        OpenMpTeam.For(planes, OpenMpTeam.GrainOf(h * w), (first, end) =>
        {
            for (var p = first; p < end; p++)
            {
                BackwardPlane(g + (p * oh * ow), k + (p * oh * ow), gx + (p * h * w), h, w, oh, ow);
            }
        });
        GC.KeepAlive(upstream);
        GC.KeepAlive(winners);
        GC.KeepAlive(gradInput);
        return gradInput;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardPlane(float* x, float* y, byte* k, long w, long oh, long ow)
    {
        for (var i = 0L; i < oh; i++)
        {
            var top = x + (2 * i * w);
            var bottom = top + w;
            var j = 0L;
            if (Avx2.IsSupported && ow >= 8)
            {
                // Eight windows at a time; the last block overlaps the one before it instead of a scalar tail.
                for (; ; j += 8)
                {
                    j = Math.Min(j, ow - 8);
                    ForwardEight(top + (2 * j), bottom + (2 * j), y + (i * ow) + j, k == null ? null : k + (i * ow) + j);
                    if (j == ow - 8)
                    {
                        break;
                    }
                }

                continue;
            }

            for (; j < ow; j++)
            {
                // nn.MaxPool2d's scan: top-left, top-right, bottom-left, bottom-right; a larger value or a NaN takes over.
                var best = top[2 * j];
                var at = 0;
                var v = top[(2 * j) + 1];
                var take = v > best || float.IsNaN(v);
                best = take ? v : best;
                at = take ? 1 : at;
                v = bottom[2 * j];
                take = v > best || float.IsNaN(v);
                best = take ? v : best;
                at = take ? 2 : at;
                v = bottom[(2 * j) + 1];
                take = v > best || float.IsNaN(v);
                best = take ? v : best;
                at = take ? 3 : at;
                y[(i * ow) + j] = best;
                if (k != null)
                {
                    k[(i * ow) + j] = (byte)at;
                }
            }
        }
    }

    /// <summary>Windows j … j + 7 of a row pair: even and odd columns split with shuffles, then the scan as lane selects.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ForwardEight(float* top, float* bottom, float* y, byte* k)
    {
        var (topLeft, topRight) = Deinterleave(Avx.LoadVector256(top), Avx.LoadVector256(top + 8));
        var (bottomLeft, bottomRight) = Deinterleave(Avx.LoadVector256(bottom), Avx.LoadVector256(bottom + 8));
        var best = topLeft;
        var at = Vector256<int>.Zero;
        Take(ref best, ref at, topRight, 1);
        Take(ref best, ref at, bottomLeft, 2);
        Take(ref best, ref at, bottomRight, 3);
        Avx.Store(y, best);
        if (k != null)
        {
            // 8 × int32 (0–3) → 8 bytes: pack to 16 then 8 bits (within 128-bit halves), gather the two halves' first words.
            var words = Avx2.PackSignedSaturate(at, at);
            var bytes = Avx2.PackUnsignedSaturate(words, words).AsInt32();
            var together = Avx2.PermuteVar8x32(bytes, Vector256.Create(0, 4, 0, 4, 0, 4, 0, 4));
            *(ulong*)k = together.AsUInt64().ToScalar();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Take(ref Vector256<float> best, ref Vector256<int> at, Vector256<float> value, int index)
    {
        var take = Avx.Or(Avx.CompareGreaterThan(value, best), Avx.CompareUnordered(value, value));
        best = Avx.BlendVariable(best, value, take);
        at = Avx.BlendVariable(at.AsSingle(), Vector256.Create(index).AsSingle(), take).AsInt32();
    }

    /// <summary>16 consecutive floats as (even columns, odd columns), each in column order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> Even, Vector256<float> Odd) Deinterleave(Vector256<float> a, Vector256<float> b)
    {
        // Shuffle works within 128-bit halves: [a0 a2 b0 b2 | a4 a6 b4 b6]; swapping the middle 64-bit pairs restores order.
        var even = Avx.Shuffle(a, b, 0b10_00_10_00);
        var odd = Avx.Shuffle(a, b, 0b11_01_11_01);
        return (Avx2.Permute4x64(even.AsDouble(), 0b11_01_10_00).AsSingle(), Avx2.Permute4x64(odd.AsDouble(), 0b11_01_10_00).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void BackwardPlane(float* g, byte* k, float* gx, long h, long w, long oh, long ow)
    {
        for (var i = 0L; i < oh; i++)
        {
            var top = gx + (2 * i * w);
            var bottom = top + w;
            var j = 0L;
            if (Avx2.IsSupported && ow >= 8)
            {
                for (; ; j += 8)
                {
                    j = Math.Min(j, ow - 8);
                    BackwardEight(g + (i * ow) + j, k + (i * ow) + j, top + (2 * j), bottom + (2 * j));
                    if (j == ow - 8)
                    {
                        break;
                    }
                }
            }
            else
            {
                for (; j < ow; j++)
                {
                    var grad = g[(i * ow) + j];
                    var at = k[(i * ow) + j];
                    top[2 * j] = at == 0 ? grad : 0f;
                    top[(2 * j) + 1] = at == 1 ? grad : 0f;
                    bottom[2 * j] = at == 2 ? grad : 0f;
                    bottom[(2 * j) + 1] = at == 3 ? grad : 0f;
                }
            }

            if (w % 2 == 1)
            {
                top[w - 1] = 0f;
                bottom[w - 1] = 0f;
            }
        }

        if (h % 2 == 1)
        {
            new Span<float>(gx + ((h - 1) * w), (int)w).Clear();
        }
    }

    /// <summary>The input gradient of windows j … j + 7: each gradient to its winner, 0 to the other three, rows re-interleaved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackwardEight(float* g, byte* k, float* top, float* bottom)
    {
        var grad = Avx.LoadVector256(g);
        var at = Avx2.ConvertToVector256Int32(k);
        Vector256<float> To(int index) => Avx.And(Avx2.CompareEqual(at, Vector256.Create(index)).AsSingle(), grad);
        var (topLeft, topRight, bottomLeft, bottomRight) = (To(0), To(1), To(2), To(3));
        Interleave(topLeft, topRight, top);
        Interleave(bottomLeft, bottomRight, bottom);
    }

    /// <summary>Writes [l0 r0 l1 r1 … l7 r7] to 16 floats at <paramref name="destination"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interleave(Vector256<float> left, Vector256<float> right, float* destination)
    {
        var low = Avx.UnpackLow(left, right);   // l0 r0 l1 r1 | l4 r4 l5 r5
        var high = Avx.UnpackHigh(left, right); // l2 r2 l3 r3 | l6 r6 l7 r7
        Avx.Store(destination, Avx.Permute2x128(low, high, 0x20));
        Avx.Store(destination + 8, Avx.Permute2x128(low, high, 0x31));
    }
}
