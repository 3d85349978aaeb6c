namespace PReluKit.Metrics;

/// <summary>
/// What happened to one layer's units over training, from dead-neuron reports taken at initialisation (index 0) and after
/// each epoch: how many were dead when, how many died during training, and how many of those came back.
/// </summary>
/// <param name="Layer">The activation layer.</param>
/// <param name="Units">Units in the layer.</param>
/// <param name="DeadByEpoch">Dead units at initialisation and after each epoch.</param>
/// <param name="Died">Units alive at initialisation that were dead after some epoch.</param>
/// <param name="Revived">Units dead after some epoch that fired again after a later one.</param>
public sealed record UnitHistory(string Layer, int Units, IReadOnlyList<int> DeadByEpoch, int Died, int Revived)
{
    /// <summary>One history per layer from reports taken at initialisation and after each epoch (in order).</summary>
    /// <exception cref="ArgumentException">No reports, or reports of different layers.</exception>
    public static IReadOnlyList<UnitHistory> Of(IReadOnlyList<DeadNeuronReport> byEpoch)
    {
        ArgumentNullException.ThrowIfNull(byEpoch);
        if (byEpoch.Count == 0 || byEpoch.Any(r => r.Units.Count != byEpoch[0].Units.Count))
        {
            throw new ArgumentException("UnitHistory: give one report per epoch, all of the same model.", nameof(byEpoch));
        }

        return [.. byEpoch[0].Units.Select((first, layer) =>
        {
            var onRates = byEpoch.Select(r => r.Units[layer].OnRate).ToList();
            var units = first.OnRate.Count;
            var died = 0;
            var revived = 0;
            for (var u = 0; u < units; u++)
            {
                var deadAt = Enumerable.Range(1, onRates.Count - 1).FirstOrDefault(e => onRates[e][u] == 0);
                if (deadAt == 0)
                {
                    continue; // never dead after an epoch
                }

                died += onRates[0][u] > 0 ? 1 : 0;
                revived += Enumerable.Range(deadAt + 1, onRates.Count - deadAt - 1).Any(e => onRates[e][u] > 0) ? 1 : 0;
            }

            return new UnitHistory(first.Layer, units, [.. onRates.Select(rates => rates.Count(r => r == 0))], died, revived);
        })];
    }
}
