namespace PReluKit.Benchmarking;

/// <summary>Forward+backward time of several activations across tensor sizes, each size timed in interleaved rounds.</summary>
public static class ActivationSweep
{
    /// <summary>
    /// For each size, times every candidate's forward and backward pass (<see cref="ActivationTiming.ForwardBackward"/>)
    /// in <paramref name="rounds"/> interleaved rounds, so that drifts in machine speed hit all candidates alike and their
    /// ratios pair round by round.
    /// </summary>
    public static IReadOnlyList<SweepPoint> Run(TensorLayout layout, IReadOnlyList<ActivationCandidate> candidates, IReadOnlyList<long> sizes,
                                                int rounds, int iterations = 3, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(sizes);
        Native.TorchNative.EnsureLoaded();
        var points = new List<SweepPoint>();
        foreach (var size in sizes)
        {
            var modules = candidates.Select(c => c.Create(layout.Channels)).ToList();
            var contestants = candidates.Zip(modules, (c, m) => ActivationTiming.ForwardBackward(m, layout.Shape(size), iterations, c.Name)).ToList();
            try
            {
                points.Add(new SweepPoint(layout, size, Interleaved.Run(contestants, rounds, cancellationToken)));
            }
            finally
            {
                contestants.ForEach(c => c.Dispose());
                modules.ForEach(m => m.Dispose());
            }
        }

        return points;
    }
}
