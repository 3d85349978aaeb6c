namespace PReluKit.Benchmarking;

/// <summary>
/// Times contestants in rounds, A B C A B C …, after one untimed round, so that drift in the machine's speed (common on
/// shared VMs) falls on all of them alike; round i of every contestant is a pair for <see cref="Timing.RatioTo"/>.
/// </summary>
public static class Interleaved
{
    /// <summary>One <see cref="Timing"/> per contestant, in the given order, each with <paramref name="rounds"/> measurements.</summary>
    /// <exception cref="OperationCanceledException">Cancelled between units of work.</exception>
    public static IReadOnlyList<Timing> Run(IReadOnlyList<Contestant> contestants, int rounds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(contestants);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        foreach (var contestant in contestants)
        {
            cancellationToken.ThrowIfCancellationRequested();
            contestant.Run(); // warm-up: JIT, first allocations, caches
        }

        var seconds = contestants.Select(_ => new List<double>(rounds)).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var c = 0; c < contestants.Count; c++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                seconds[c].Add(contestants[c].Run());
            }
        }

        return [.. contestants.Select((c, i) => new Timing(c.Name, seconds[i]))];
    }
}
