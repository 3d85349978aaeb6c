using System.Globalization;
using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Tables;
using PReluKit.Training;

namespace PReluKit.Reports;

/// <summary>Learned α per layer beside He et al.'s Table 1.</summary>
public static class AlphaTable
{
    /// <summary>
    /// Per layer: the final α of channel-shared PReLU and the mean final α of channel-wise PReLU, each averaged over seeds and
    /// with its range over seeds (a mean hides how far single seeds land apart), beside He et al.'s values where they report one
    /// (conv1 only; "—" elsewhere, and "—" where a kind was not trained).
    /// </summary>
    public static ResultTable AgainstHe(IReadOnlyList<RunResult> runs)
    {
        var rows = AlphaPlots.HeTable(runs);
        static string Number(double value) => double.IsNaN(value) ? "—" : value.ToString("0.000", CultureInfo.InvariantCulture);
        string Range(ActivationKind kind, string layer)
        {
            var perSeed = runs.Where(r => !r.Failed && r.Config.Activation.Kind == kind)
                              .SelectMany(r => r.Final.Alphas.Where(a => a.Layer == layer).Select(a => a.Mean)).ToList();
            return perSeed.Count < 2 ? "—" : $"{Number(perSeed.Min())}–{Number(perSeed.Max())} ({perSeed.Count} seeds)";
        }

        return new ResultTable(
            "Learned α per layer (mean over seeds, and its range over seeds) and He et al. 2015, Table 1",
            [
                new("layer"), new("shared α", RightAligned: true), new("shared α, range over seeds", RightAligned: true),
                new("channel-wise mean α", RightAligned: true), new("channel-wise mean α, range over seeds", RightAligned: true),
                new("He et al. shared", RightAligned: true), new("He et al. channel-wise", RightAligned: true),
            ],
            [.. rows.Select((r, i) => (IReadOnlyList<string>)
            [
                r.Layer, Number(r.Shared), Range(ActivationKind.PReLUShared, r.Layer), Number(r.ChannelWiseMean),
                Range(ActivationKind.PReLUChannelWise, r.Layer),
                i == 0 ? Number(HeTableOne.Conv1Shared) : "—", i == 0 ? Number(HeTableOne.Conv1ChannelWiseMean) : "—",
            ])]);
    }
}
