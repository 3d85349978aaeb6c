namespace PReluKit.Metrics;

/// <summary>A fixed-range histogram of a layer's outputs; values beyond the range fall into the edge bins.</summary>
/// <param name="Min">Lower edge of the first bin.</param>
/// <param name="Max">Upper edge of the last bin.</param>
/// <param name="Counts">Values per bin.</param>
public sealed record OutputHistogram(double Min, double Max, IReadOnlyList<long> Counts)
{
    /// <summary>The centre of each bin.</summary>
    public IReadOnlyList<double> BinCentres =>
        [.. Enumerable.Range(0, Counts.Count).Select(i => Min + ((i + 0.5) * (Max - Min) / Counts.Count))];
}
