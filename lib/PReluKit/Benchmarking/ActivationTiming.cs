using System.Diagnostics;
using static TorchSharp.torch;

namespace PReluKit.Benchmarking;

/// <summary>Forward and forward+backward time of one activation module on one tensor shape.</summary>
public static class ActivationTiming
{
    /// <summary>
    /// Median seconds per forward pass and per forward+backward pass of <paramref name="module"/> on a random input of
    /// <paramref name="shape"/> (gradients w.r.t. the input and any parameters), over <paramref name="repeats"/> timed
    /// rounds of <paramref name="iterations"/> calls each, after one untimed round.
    /// </summary>
    public static (Timing Forward, Timing ForwardBackward) Measure(nn.Module<Tensor, Tensor> module, long[] shape, int repeats = 5, int iterations = 5)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(shape);
        using var input = randn(shape, generator: new Generator(1)).requires_grad_();
        using var upstream = ones(shape);
        var forward = new List<double>();
        var backward = new List<double>();
        for (var round = 0; round <= repeats; round++)
        {
            var clock = Stopwatch.StartNew();
            using (no_grad())
            {
                for (var i = 0; i < iterations; i++)
                {
                    using var scope = NewDisposeScope();
                    module.call(input);
                }
            }

            var f = clock.Elapsed.TotalSeconds / iterations;
            clock.Restart();
            for (var i = 0; i < iterations; i++)
            {
                using var scope = NewDisposeScope();
                module.call(input).backward([upstream]);
            }

            var fb = clock.Elapsed.TotalSeconds / iterations;
            module.zero_grad();
            input.grad?.zero_();
            if (round > 0)
            {
                forward.Add(f);
                backward.Add(fb);
            }
        }

        var name = $"{module.GetName()} {Shapes.Format(shape)}";
        return (new Timing($"{name} forward", forward), new Timing($"{name} forward+backward", backward));
    }
}
