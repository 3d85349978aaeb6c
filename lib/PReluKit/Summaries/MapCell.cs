using System.Globalization;
using PReluKit.Activations;

namespace PReluKit.Summaries;

/// <summary>One cell of a <see cref="DepthRateMap"/>: a depth, a learning rate and the comparison summarised there.</summary>
/// <param name="Depth">Hidden layers.</param>
/// <param name="LearningRate">SGD learning rate.</param>
/// <param name="Summary">The cell's comparison, paired by seed.</param>
public sealed record MapCell(int Depth, double LearningRate, ComparisonSummary Summary)
{
    /// <summary>The paired contrast <paramref name="which"/> names, or null when no seed completed both runs.</summary>
    public Contrast? Contrast(MapContrast which) => which switch
    {
        MapContrast.PReluVsReLU => Summary.Find(ActivationKind.PReLUChannelWise, ActivationKind.ReLU),
        MapContrast.PReluVsLeaky => Summary.Find(ActivationKind.PReLUChannelWise, ActivationKind.LeakyReLU),
        _ => throw new ArgumentOutOfRangeException(nameof(which), which, "not a map contrast"),
    };

    /// <summary>ReLU's dead units at the end of training, percent of all hidden units, mean over its completed runs; NaN when none completed.</summary>
    public double ReluDeadPercent => Summary.Find(ActivationKind.ReLU)?.DeadPercent ?? double.NaN;

    /// <summary>"depth 8, lr 0.1".</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"depth {Depth}, lr {LearningRate}");

    /// <summary>"ReLU 5/5, PReLU (channel-wise) 1/5" for the activations with diverged runs; empty when none diverged.</summary>
    public string Diverged => string.Join(", ", Summary.Rows.Where(r => r.Diverged > 0).Select(r => $"{r.DisplayName} {r.Diverged}/{r.Runs}"));

    /// <summary>"ReLU 0/5, PReLU 5/5 diverged": the two activations of <paramref name="which"/>, for a square without pairs.</summary>
    public string DivergedShort(MapContrast which)
    {
        var kinds = which == MapContrast.PReluVsReLU
            ? new[] { ActivationKind.ReLU, ActivationKind.PReLUChannelWise }
            : [ActivationKind.LeakyReLU, ActivationKind.PReLUChannelWise];
        var rows = kinds.Select(Summary.Find).OfType<ActivationSummary>().Select(r => $"{r.Activation.Kind switch
        {
            ActivationKind.ReLU => "ReLU",
            ActivationKind.LeakyReLU => "Leaky",
            _ => "PReLU",
        }} {r.Diverged}/{r.Runs}");
        return $"{string.Join(", ", rows)} diverged";
    }

    /// <summary>
    /// The cell's result for <paramref name="which"/> in words: the paired difference, its interval and verdict, or why there
    /// is none (every pair had a diverged run); then ReLU's dead share and the diverged runs.
    /// </summary>
    public string Describe(MapContrast which)
    {
        var contrast = Contrast(which);
        var effect = contrast is null
            ? $"{(which == MapContrast.PReluVsReLU ? "PReLU − ReLU" : "PReLU − Leaky")}: no seed completed both runs"
            : $"{contrast.Accuracy.Text.TrimEnd('.')}";
        var dead = double.IsNaN(ReluDeadPercent) ? "" : string.Create(CultureInfo.InvariantCulture, $"; ReLU {ReluDeadPercent:0.0} % dead at the end");
        var diverged = Diverged.Length == 0 ? "" : $"; diverged: {Diverged}";
        return $"{Name}: {effect}{dead}{diverged}.";
    }
}
