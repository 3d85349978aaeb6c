using System.Globalization;
using PReluKit.Activations;
using PReluKit.Metrics;
using PReluKit.Tables;

namespace PReluKit.Reports;

/// <summary>Dead-neuron tables: dead, τ-dormant and mean on-rate per activation layer, and each layer's history over training.</summary>
public static class DeadNeuronTable
{
    /// <summary>
    /// One row per layer. Units never positive are counted as "dead" — or, given an <paramref name="activation"/> that cannot die
    /// (Leaky ReLU, PReLU: they still pass α·g back), as "off".
    /// </summary>
    public static ResultTable Of(string title, IReadOnlyList<LayerDeadness> layers, ActivationSpec? activation = null)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var word = activation?.InactiveWord ?? "dead";
        return new ResultTable(
            title,
            [
                new("layer"), new("units", RightAligned: true), new(word, RightAligned: true), new($"{word} %", RightAligned: true),
                .. Tau.Reported.Select(t => new ResultColumn($"dormant τ={t}", RightAligned: true)),
                new("mean on-rate", RightAligned: true),
            ],
            [.. layers.Select(l => (IReadOnlyList<string>)
            [
                l.Layer, $"{l.Units}", $"{l.DeadUnits}", l.DeadPercent.ToString("0.0", CultureInfo.InvariantCulture),
                .. Tau.Reported.Select(t => $"{l.Dormant[t]}"),
                l.MeanOnRate.ToString("0.000", CultureInfo.InvariantCulture),
            ])]);
    }

    /// <summary>
    /// One row per activation and layer, counting units never positive on the data — dead for ReLU, off for the others (they
    /// still pass α·g back): at initialisation, those that became so during training, how many of those were positive again
    /// after a later epoch (revived), how many of the revived were never positive again at the end, and the count at the end.
    /// </summary>
    public static ResultTable Histories(string title, IReadOnlyList<(ActivationSpec Activation, IReadOnlyList<DeadNeuronReport> ByEpoch)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new ResultTable(
            title,
            [
                new("activation"), new("layer"), new("units", RightAligned: true), new("never positive is"),
                new("at start", RightAligned: true), new("became so in training", RightAligned: true),
                new("of those, revived", RightAligned: true), new("of the revived, again at end", RightAligned: true),
                new("at end", RightAligned: true),
            ],
            [.. runs.SelectMany(run => UnitHistory.Of(run.ByEpoch).Select(h => (IReadOnlyList<string>)
            [
                run.Activation.DisplayName, h.Layer, $"{h.Units}", run.Activation.InactiveWord, $"{h.DeadAtStart}", $"{h.Died}",
                $"{h.Revived}", $"{h.DeadAgain}", $"{h.DeadAtEnd}",
            ]))]);
    }
}
