using System.Numerics;
using System.Runtime.CompilerServices;
using PReluKit.Native;
using static TorchSharp.torch;

namespace PReluKit.Kernels;

/// <summary>
/// PReLU's backward pass in one sweep over memory: the input gradient and the α gradient together, SIMD-wide.
/// </summary>
/// <remarks>
/// <para>
/// libtorch 2.x's CPU kernel for PReLU's backward (behind TorchSharp 0.107's <c>functional.prelu</c>) is an unvectorised
/// loop (README, "Performance", has the measurements). This kernel reads x and the upstream gradient once, writes the
/// input gradient, and sums the α gradient per channel on the way.
/// </para>
/// <para>
/// Layout: x is contiguous float32 viewed as (outer, channels, inner) — channels on dim 1, or one channel for a shared α.
/// The work is cut into fixed chunks whose partial α sums are added in chunk order, so the result does not depend on
/// how many threads ran the chunks: the same inputs give the same bits. The chunks run on libtorch's OpenMP team
/// (<see cref="OpenMpTeam"/>).
/// </para>
/// <para>Semantics are PyTorch's: at x = 0 the input gradient is α·g and x contributes nothing to α; NaN in x gives NaN in α's gradient.</para>
/// </remarks>
internal static unsafe class PReluBackwardKernel
{
    /// <summary>
    /// Elements per chunk: small enough that the MLP's 128×256 layer splits across two threads, large enough to amortise
    /// the per-chunk work. Chunks are the unit of the α sums' fixed order, so changing this changes α's gradient bits.
    /// </summary>
    internal const long ChunkElements = 1 << 14;

    /// <summary>
    /// Below this many elements <see cref="Activations.PReLU"/> keeps libtorch's backward: the custom autograd node has a fixed cost per
    /// call, which libtorch's per-element excess only outweighs above this size (README, "Performance", has the profile).
    /// </summary>
    internal const long MinimumElements = 1 << 13;

    /// <summary>
    /// Returns (∂L/∂x, ∂L/∂α) for y = PReLU(x; α). <paramref name="input"/> must be contiguous float32 on the CPU with
    /// <paramref name="alpha"/>.numel() channels on dim 1 (or α of one element); <paramref name="gradOutput"/> must have
    /// x's shape (any strides).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (Tensor GradInput, Tensor GradAlpha) Compute(Tensor input, Tensor gradOutput, Tensor alpha)
    {
        var channels = alpha.numel();
        var numel = input.numel();
        if (input.dtype != ScalarType.Float32 || input.device_type != TorchSharp.DeviceType.CPU || !input.is_contiguous() ||
            (channels > 1 && (input.dim() < 2 || input.shape[1] != channels)))
        {
            throw new ArgumentException(
                $"PReluBackwardKernel: expected contiguous float32 CPU input with {channels} channel(s) on dim 1, got {input.dtype} " +
                $"on {input.device_type} of shape {Shapes.Format(input.shape)} (contiguous: {input.is_contiguous()}).", nameof(input));
        }

        // The sweep reads the upstream gradient by the input's offsets: a different shape would read out of bounds.
        if (!gradOutput.shape.SequenceEqual(input.shape) || gradOutput.device_type != TorchSharp.DeviceType.CPU)
        {
            throw new ArgumentException(
                $"PReluBackwardKernel: expected an upstream gradient of the input's shape {Shapes.Format(input.shape)} on the CPU, " +
                $"got {Shapes.Format(gradOutput.shape)} on {gradOutput.device_type}.", nameof(gradOutput));
        }

        var outer = channels == 1 ? 1 : input.shape[0];
        var inner = numel / outer / channels;
        using var convertedUpstream = ContiguousFloat32OrNull(gradOutput);
        var upstream = convertedUpstream ?? gradOutput;
        var alphaValues = new float[channels];
        using (var convertedAlpha = ContiguousFloat32OrNull(alpha))
        {
            new ReadOnlySpan<float>((float*)TensorData.Address(convertedAlpha ?? alpha), (int)channels).CopyTo(alphaValues);
            GC.KeepAlive(alpha);
        }

        var gradInput = empty_like(input);

        // Dense (N, C) rows put channels on the contiguous axis, so chunks there are whole rows.
        var chunk = inner == 1 && channels > 1 ? Math.Max(1, ChunkElements / channels) * channels : ChunkElements;
        var chunks = (int)((numel + chunk - 1) / chunk);
        var partial = new double[chunks * channels];
        var x = TensorData.Address(input);
        var g = TensorData.Address(upstream);
        var gx = TensorData.Address(gradInput);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Sweep(int k)
        {
            var start = k * chunk;
            var end = Math.Min(numel, start + chunk);
            var sums = partial.AsSpan((int)(k * channels), (int)channels);
            if (inner == 1 && channels > 1)
            {
                SweepDense((float*)x, (float*)g, (float*)gx, alphaValues, start, end, sums);
            }
            else
            {
                SweepRows((float*)x, (float*)g, (float*)gx, alphaValues, start, end, inner, sums);
            }
        }

        // On libtorch's own OpenMP team (.NET threads would compete with its workers for the cores). Each chunk's partial
        // sums have their own place, so the bits do not depend on which thread took the chunk.
        OpenMpTeam.For(chunks, OpenMpTeam.GrainOf(chunk), (first, end) =>
        {
            for (var k = (int)first; k < end; k++)
            {
                Sweep(k);
            }
        });

        GC.KeepAlive(input);
        GC.KeepAlive(upstream);
        GC.KeepAlive(gradInput);

        var gradAlpha = empty(alpha.shape, ScalarType.Float32);
        var gradAlphaValues = new Span<float>((float*)TensorData.Address(gradAlpha), (int)channels);
        for (var c = 0; c < channels; c++)
        {
            var sum = 0.0;
            for (var k = 0; k < chunks; k++)
            {
                sum += partial[(k * channels) + c];
            }

            gradAlphaValues[c] = (float)sum;
        }

        GC.KeepAlive(gradAlpha);
        return (gradInput, gradAlpha);
    }

    /// <summary>A contiguous float32 copy of <paramref name="tensor"/>, or null when it already is one (the hot path).</summary>
    private static Tensor? ContiguousFloat32OrNull(Tensor tensor)
    {
        if (tensor.dtype == ScalarType.Float32 && tensor.is_contiguous())
        {
            return null;
        }

        using var detached = tensor.detach();
        using var asFloat = detached.to(ScalarType.Float32);
        return asFloat.contiguous();
    }

    /// <summary>Elements [start, end) where one channel spans each run of <paramref name="inner"/> elements.</summary>
    // Fully optimised from the first call (as is every method here): tier-0 code of these loops is many times slower, and
    // a layer calls them only once a step, so tiering would take many steps to promote them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SweepRows(float* x, float* g, float* gx, float[] alpha, long start, long end, long inner, Span<double> sums)
    {
        var width = Vector<float>.Count;
        var channels = alpha.Length;
        var i = start;
        while (i < end)
        {
            var row = i / inner;
            var channel = (int)(row % channels);
            var rowEnd = Math.Min(end, (row + 1) * inner);
            var a = alpha[channel];
            var slope = new Vector<float>(a);
            var sum = Vector<float>.Zero;
            var j = i;
            for (; j + width <= rowEnd; j += width)
            {
                var xv = Vector.Load(x + j);
                var gv = Vector.Load(g + j);
                var positive = Vector.GreaterThan(xv, Vector<float>.Zero);
                Vector.Store(Vector.ConditionalSelect(positive, gv, gv * slope), gx + j);
                sum += Vector.AndNot(xv * gv, positive.As<int, float>());
            }

            var tail = (double)Vector.Sum(sum);
            for (; j < rowEnd; j++)
            {
                if (x[j] > 0)
                {
                    gx[j] = g[j];
                }
                else
                {
                    gx[j] = a * g[j];
                    tail += x[j] * g[j];
                }
            }

            sums[channel] += tail;
            i = rowEnd;
        }
    }

    /// <summary>Whole (N, C) rows in [start, end): channels lie along the contiguous axis.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SweepDense(float* x, float* g, float* gx, float[] alpha, long start, long end, Span<double> sums)
    {
        var width = Vector<float>.Count;
        var channels = alpha.Length;
        var rowSums = new float[channels];
        fixed (float* a = alpha)
        fixed (float* s = rowSums)
        {
            for (var row = start; row < end; row += channels)
            {
                var c = 0;
                for (; c + width <= channels; c += width)
                {
                    var xv = Vector.Load(x + row + c);
                    var gv = Vector.Load(g + row + c);
                    var positive = Vector.GreaterThan(xv, Vector<float>.Zero);
                    Vector.Store(Vector.ConditionalSelect(positive, gv, gv * Vector.Load(a + c)), gx + row + c);
                    Vector.Store(Vector.Load(s + c) + Vector.AndNot(xv * gv, positive.As<int, float>()), s + c);
                }

                for (; c < channels; c++)
                {
                    var xi = x[row + c];
                    var gi = g[row + c];
                    if (xi > 0)
                    {
                        gx[row + c] = gi;
                    }
                    else
                    {
                        gx[row + c] = a[c] * gi;
                        s[c] += xi * gi;
                    }
                }
            }
        }

        for (var c = 0; c < channels; c++)
        {
            sums[c] += rowSums[c];
        }
    }
}
