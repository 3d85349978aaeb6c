using System.Diagnostics;
using static TorchSharp.torch;

namespace PReluKit.Benchmarking;

/// <summary>Contestants that time one activation module on one tensor shape, for <see cref="Interleaved"/>.</summary>
public static class ActivationTiming
{
    /// <summary>
    /// <paramref name="iterations"/> forward passes (no gradients) of <paramref name="module"/> on a random input of
    /// <paramref name="shape"/> per unit; returns seconds per pass.
    /// </summary>
    public static Contestant Forward(nn.Module<Tensor, Tensor> module, long[] shape, int iterations = 10, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        var input = randn(shape, generator: new Generator(1));
        return new Contestant(name ?? module.GetName(), () =>
        {
            using var noGrad = no_grad();
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                using var scope = NewDisposeScope();
                module.call(input);
            }

            return clock.Elapsed.TotalSeconds / iterations;
        }, input.Dispose);
    }

    /// <summary>
    /// <paramref name="iterations"/> forward+backward passes per unit: the gradients of the input and of the module's
    /// parameters for a random upstream gradient, computed with <c>autograd.grad</c> (nothing accumulates between passes).
    /// </summary>
    public static Contestant ForwardBackward(nn.Module<Tensor, Tensor> module, long[] shape, int iterations = 10, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        var input = randn(shape, generator: new Generator(1)).requires_grad_();
        var upstream = randn(shape, generator: new Generator(2));
        var wrt = new List<Tensor> { input };
        wrt.AddRange(module.parameters());
        return new Contestant(name ?? module.GetName(), () =>
        {
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                using var scope = NewDisposeScope();
                autograd.grad([module.call(input)], wrt, [upstream]);
            }

            return clock.Elapsed.TotalSeconds / iterations;
        }, () =>
        {
            input.Dispose();
            upstream.Dispose();
        });
    }
}
