using System.Globalization;
using PReluKit.Activations;
using PReluKit.Metrics;
using PReluKit.Tables;

namespace PReluKit.Reports;

/// <summary>Dead-neuron tables: dead, τ-dormant and mean on-rate per activation layer, and each layer's history over training.</summary>
public static class DeadNeuronTable
{
    /// <summary>One row per layer.</summary>
    public static ResultTable Of(string title, IReadOnlyList<LayerDeadness> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return new ResultTable(
            title,
            [
                new("layer"), new("units", RightAligned: true), new("dead", RightAligned: true), new("dead %", RightAligned: true),
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
    /// One row per activation and layer: units dead at initialisation, units that died during training, how many of those
    /// fired again later, and units dead at the end (from reports taken at initialisation and after every epoch).
    /// </summary>
    public static ResultTable Histories(string title, IReadOnlyList<(ActivationSpec Activation, IReadOnlyList<DeadNeuronReport> ByEpoch)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return new ResultTable(
            title,
            [
                new("activation"), new("layer"), new("units", RightAligned: true), new("dead at start", RightAligned: true),
                new("died in training", RightAligned: true), new("of those, revived", RightAligned: true), new("dead at end", RightAligned: true),
            ],
            [.. runs.SelectMany(run => UnitHistory.Of(run.ByEpoch).Select(h => (IReadOnlyList<string>)
            [
                run.Activation.DisplayName, h.Layer, $"{h.Units}", $"{h.DeadByEpoch[0]}", $"{h.Died}", $"{h.Revived}", $"{h.DeadByEpoch[^1]}",
            ]))]);
    }
}
