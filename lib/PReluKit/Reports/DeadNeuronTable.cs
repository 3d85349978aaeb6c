using System.Globalization;
using PReluKit.Metrics;

namespace PReluKit.Reports;

/// <summary>The dead-neuron table: dead, τ-dormant and mean on-rate per activation layer (CLI, report and notebooks).</summary>
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
}
