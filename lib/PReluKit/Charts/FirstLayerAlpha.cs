using PReluKit.Statistics;

namespace PReluKit.Charts;

/// <summary>
/// The first PReLU layer's mean α against each deeper layer's, paired by seed (<see cref="AlphaPlots.FirstLayer"/>): the
/// typed value behind "does the first layer learn the largest α?" (He et al.'s Table 1 direction).
/// </summary>
/// <param name="Layer">The first layer.</param>
/// <param name="Deeper">One paired difference per deeper layer.</param>
public sealed record FirstLayerAlpha(string Layer, IReadOnlyList<FirstLayerAlpha.Against> Deeper)
{
    /// <summary>The fewest seeds any of the differences rests on.</summary>
    public int Seeds => Deeper.Min(d => d.Difference.Count);

    /// <summary>
    /// Above when every difference's interval lies above 0 (the first layer's α is the largest), Below when any lies below
    /// 0 (it is not), TooFew when any rests on too few seeds, otherwise Across (not settled).
    /// </summary>
    public IntervalPosition Position =>
        Deeper.Any(d => d.Position == IntervalPosition.TooFew) ? IntervalPosition.TooFew
        : Deeper.All(d => d.Position == IntervalPosition.Above) ? IntervalPosition.Above
        : Deeper.Any(d => d.Position == IntervalPosition.Below) ? IntervalPosition.Below
        : IntervalPosition.Across;

    /// <summary>The first layer's mean α minus one deeper layer's, per seed.</summary>
    /// <param name="Layer">The deeper layer.</param>
    /// <param name="Difference">The mean difference over seeds with its 95 % interval.</param>
    /// <param name="Position">Where that interval lies against 0.</param>
    public sealed record Against(string Layer, MeanInterval Difference, IntervalPosition Position);
}
