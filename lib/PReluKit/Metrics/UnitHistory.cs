namespace PReluKit.Metrics;

/// <summary>
/// What happened to one layer's units over training, from dead-neuron reports taken at initialisation (index 0) and after
/// each epoch: how many were dead when, how many died during training, and how many of those came back.
/// </summary>
/// <param name="Layer">The activation layer.</param>
/// <param name="Units">Units in the layer.</param>
/// <param name="DeadByEpoch">Dead units at initialisation and after each epoch.</param>
/// <param name="Died">Units alive at initialisation that were dead after some epoch.</param>
/// <param name="Revived">Of the units that <paramref name="Died"/>, those that fired again (on-rate above 0) after a later epoch.</param>
/// <param name="DeadAgain">Of the <paramref name="Revived"/> units, those never positive again after the last epoch: units can die more than once.</param>
public sealed record UnitHistory(string Layer, int Units, IReadOnlyList<int> DeadByEpoch, int Died, int Revived, int DeadAgain)
{
    /// <summary>Units never positive at initialisation.</summary>
    public int DeadAtStart => DeadByEpoch[0];

    /// <summary>Units never positive after the last epoch.</summary>
    public int DeadAtEnd => DeadByEpoch[^1];

    /// <summary>Units dead at the end that were alive at the start: died and never revived, plus revived and dead again.</summary>
    public int DiedAndDeadAtEnd => Died - Revived + DeadAgain;

    /// <summary>
    /// The layer's story in one sentence that adds up, with <paramref name="word"/> for a unit never positive ("dead" for ReLU,
    /// "off" for the others): "fc2_act: 0 of 128 units dead at initialisation; 66 died during training, 57 of them revived
    /// (positive again after a later epoch) and 24 of those were dead again at the end; dead at the end: 33 (0 from the start,
    /// 33 that died in training, 0 others)."
    /// </summary>
    public string Story(string word = "dead")
    {
        var others = DeadAtEnd - DiedAndDeadAtEnd;
        var died = word == "dead" ? "died" : "switched off";
        return $"{Layer}: {DeadAtStart} of {Units} units {word} at initialisation; {Died} {died} during training, {Revived} of them " +
               $"revived (positive again after a later epoch) and {DeadAgain} of those were {word} again at the end; {word} at the end: " +
               $"{DeadAtEnd} ({DiedAndDeadAtEnd} that {died} in training{(others == 0 ? "" : $", {others} {word} from the start")}).";
    }

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
            var deadAgain = 0;
            for (var u = 0; u < units; u++)
            {
                var deadAt = Enumerable.Range(1, onRates.Count - 1).FirstOrDefault(e => onRates[e][u] == 0);
                if (deadAt == 0)
                {
                    continue; // never dead after an epoch
                }

                if (onRates[0][u] == 0)
                {
                    continue; // dead from the start: counted in DeadByEpoch[0], not as dying
                }

                died++;
                if (Enumerable.Range(deadAt + 1, onRates.Count - deadAt - 1).Any(e => onRates[e][u] > 0))
                {
                    revived++;
                    deadAgain += onRates[^1][u] == 0 ? 1 : 0;
                }
            }

            return new UnitHistory(first.Layer, units, [.. onRates.Select(rates => rates.Count(r => r == 0))], died, revived, deadAgain);
        })];
    }
}
