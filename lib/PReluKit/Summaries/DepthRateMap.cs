using System.Globalization;
using PReluKit.Runs;
using PReluKit.Statistics;
using PReluKit.Tables;

namespace PReluKit.Summaries;

/// <summary>
/// Where PReLU matters: a <see cref="RecordedSweep"/> over depth and learning rate read cell by cell — in each, channel-wise
/// PReLU against ReLU and against Leaky ReLU (paired by seed, with the verdict against δ), ReLU's dead share at the end,
/// and the runs that diverged.
/// </summary>
/// <param name="Sweep">The recorded sweep.</param>
/// <param name="Cells">One summary per cell, in the sweep's order.</param>
/// <param name="Accuracy">The accuracy measure and its δ.</param>
public sealed record DepthRateMap(RecordedSweep Sweep, IReadOnlyList<MapCell> Cells, EffectMeasure Accuracy)
{
    /// <summary>Summarises every cell of <paramref name="sweep"/>; δ defaults to <see cref="EffectMeasure.Accuracy"/> (1 point).</summary>
    public static DepthRateMap From(RecordedSweep sweep, EffectMeasure? accuracy = null)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        accuracy ??= EffectMeasure.Accuracy;
        return new DepthRateMap(sweep,
            [.. sweep.Cells.Select(c => new MapCell(c.Depth, c.LearningRate, ComparisonSummary.From(c.Experiment.Runs, accuracy)))], accuracy);
    }

    /// <summary>The cell at (<paramref name="depth"/>, <paramref name="learningRate"/>).</summary>
    /// <exception cref="ArgumentException">The grid has no such cell.</exception>
    public MapCell At(int depth, double learningRate) =>
        Cells.FirstOrDefault(c => c.Depth == depth && c.LearningRate == learningRate)
        ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the map has no cell at depth {depth}, learning rate {learningRate}."));

    /// <summary>The cells whose <paramref name="which"/> contrast has verdict <paramref name="kind"/>.</summary>
    public IReadOnlyList<MapCell> Where(MapContrast which, VerdictKind kind) => [.. Cells.Where(c => c.Contrast(which)?.Accuracy.Kind == kind)];

    /// <summary>The cells where no seed completed both runs of <paramref name="which"/>.</summary>
    public IReadOnlyList<MapCell> WithoutPairs(MapContrast which) => [.. Cells.Where(c => c.Contrast(which) is null)];

    /// <summary>
    /// The map in one paragraph, counted from the cells: how many cells got each verdict (and which cells, where few), and
    /// where there were no pairs to compare.
    /// </summary>
    public string Reading(MapContrast which)
    {
        var name = which == MapContrast.PReluVsReLU ? "PReLU − ReLU" : "PReLU − Leaky ReLU";
        var groups = Cells.Where(c => c.Contrast(which) is not null).GroupBy(c => c.Contrast(which)!.Accuracy.Kind)
            .OrderBy(g => g.Key).Select(g => $"{Count(g.Count())} {g.First().Contrast(which)!.Accuracy.Label}{Where(g)}");
        var none = WithoutPairs(which);
        var unpaired = none.Count == 0 ? "" : $"; {Count(none.Count)} without a pair to compare, because runs diverged{Where(none)}";
        return $"{name} over {Cells.Count} cells (δ = {Accuracy.Band}, {Sweep.Cells[0].Experiment.Manifest.Config.Seeds.Count} seeds each): {string.Join("; ", groups)}{unpaired}.";
    }

    /// <summary>The map as a table: one row per cell with each activation's accuracy, both contrasts with verdicts, ReLU's dead share and the diverged runs.</summary>
    public ResultTable ToTable()
    {
        var activations = Cells[0].Summary.Rows.Select(r => r.Activation).ToList();
        var columns = new List<ResultColumn> { new("depth", RightAligned: true), new("lr", RightAligned: true) };
        columns.AddRange(activations.Select(a => new ResultColumn($"{a.DisplayName} acc. (%)", RightAligned: true)));
        columns.AddRange([
            new("PReLU − ReLU (pts)", RightAligned: true), new("verdict vs ReLU"),
            new("PReLU − Leaky (pts)", RightAligned: true), new("verdict vs Leaky"),
            new("ReLU dead (%)", RightAligned: true), new("diverged"),
        ]);
        var rows = Cells.Select(cell =>
        {
            var row = new List<string> { cell.Depth.ToString(CultureInfo.InvariantCulture), cell.LearningRate.ToString(CultureInfo.InvariantCulture) };
            row.AddRange(activations.Select(a => cell.Summary.Rows.FirstOrDefault(r => r.Activation == a)?.TestAccuracy?.ToString("0.00") ?? "—"));
            foreach (var which in new[] { MapContrast.PReluVsReLU, MapContrast.PReluVsLeaky })
            {
                var contrast = cell.Contrast(which);
                row.Add(contrast is null ? "—" : Effect(contrast.Accuracy.Effect));
                row.Add(contrast is null ? "no pairs (diverged)" : contrast.Accuracy.Label);
            }

            row.Add(double.IsNaN(cell.ReluDeadPercent) ? "—" : cell.ReluDeadPercent.ToString("0.0", CultureInfo.InvariantCulture));
            row.Add(cell.Diverged.Length == 0 ? "none" : cell.Diverged);
            return (IReadOnlyList<string>)row;
        });
        return new ResultTable($"{Sweep.Name}: accuracy over seeds (mean ± 95 % CI) and paired differences against {Accuracy.Band}", columns, [.. rows]);
    }

    /// <summary>
    /// For each depth and activation, the learning rate of the grid with the highest mean test accuracy (over completed
    /// runs) and that accuracy: what a practitioner who tunes the rate for each activation would pick. The best of four
    /// means is biased upwards by the seeds' noise, alike for every activation.
    /// </summary>
    public IReadOnlyList<BestRate> BestRates() =>
    [
        .. Sweep.Depths.SelectMany(depth => Cells[0].Summary.Rows.Select(r => r.Activation).Select(activation =>
        {
            var best = Cells.Where(c => c.Depth == depth)
                .Select(c => (Cell: c, Row: c.Summary.Rows.FirstOrDefault(r => r.Activation == activation)))
                .Where(p => p.Row?.TestAccuracy is not null)
                .MaxBy(p => p.Row!.TestAccuracy!.Mean);
            return best.Row is null ? null : new BestRate(depth, activation, best.Cell.LearningRate, best.Row.TestAccuracy!);
        }).OfType<BestRate>()),
    ];

    /// <summary>"+0.35 [−0.20, +0.90]", or the estimate alone from one pair.</summary>
    internal string Effect(EffectInterval effect) => effect.HasInterval
        ? $"{Accuracy.Number(effect.Estimate)} [{Accuracy.Number(effect.Lower)}, {Accuracy.Number(effect.Upper)}]"
        : Accuracy.Number(effect.Estimate);

    private static string Count(int n) => n == 1 ? "1 cell" : $"{n} cells";

    private static string Where(IEnumerable<MapCell> cells)
    {
        var list = cells.ToList();
        return list.Count is > 0 and <= 4 ? $" ({string.Join("; ", list.Select(c => c.Name))})" : "";
    }
}
