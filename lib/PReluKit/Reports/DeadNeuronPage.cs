using System.Globalization;
using PReluKit.Charts;
using PReluKit.Metrics;

namespace PReluKit.Reports;

/// <summary>The offline page of <c>prelu dead</c> and its script: on-rate histograms per layer before and after training, with a reading of each.</summary>
public static class DeadNeuronPage
{
    /// <summary>The page for one trained model.</summary>
    /// <param name="name">The activation and model, e.g. "ReLU Mlp".</param>
    /// <param name="initial">Measured at initialisation.</param>
    /// <param name="final">Measured after <paramref name="epochs"/> epochs.</param>
    /// <param name="epochs">Epochs trained.</param>
    public static HtmlReport Build(string name, DeadNeuronReport initial, DeadNeuronReport final, int epochs)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(final);
        static string Rate(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        return new HtmlReport($"Dead and dormant units: {name}")
            .Chart(new ReportChart("At initialisation",
                $"At initialisation the mean on-rate per layer is {string.Join(", ", initial.Layers.Select(l => $"{l.Layer} {Rate(l.MeanOnRate)}"))}.",
                DeadPlots.OnRates(initial, $"On-rates per unit at initialisation, {name}")))
            .Chart(new ReportChart("After training",
                $"After {epochs} epochs: {string.Join(", ", final.Layers.Select(l => $"{l.Layer} {l.DeadUnits} dead, mean on-rate {Rate(l.MeanOnRate)}"))}.",
                DeadPlots.OnRates(final, $"On-rates per unit after {epochs} epochs, {name}")));
    }
}
