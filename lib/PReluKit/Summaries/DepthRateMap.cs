using System.Globalization;
using PReluKit.Activations;
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

    /// <summary>
    /// The map as a table: one row per cell with each activation's accuracy, both contrasts (with the relative change of the
    /// error each difference means) and verdicts, ReLU's dead share and the diverged runs.
    /// </summary>
    public ResultTable ToTable()
    {
        var activations = Cells[0].Summary.Rows.Select(r => r.Activation).ToList();
        var columns = new List<ResultColumn> { new("depth", RightAligned: true), new("lr", RightAligned: true) };
        columns.AddRange(activations.Select(a => new ResultColumn($"{a.DisplayName} acc. (%)", RightAligned: true)));
        columns.AddRange([
            new("PReLU − ReLU (pts)", RightAligned: true), new("Δ error vs ReLU", RightAligned: true), new("verdict vs ReLU"),
            new("PReLU − Leaky (pts)", RightAligned: true), new("Δ error vs Leaky", RightAligned: true), new("verdict vs Leaky"),
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
                row.Add(contrast is null ? "—" : contrast.ErrorChange.Relative);
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

    /// <summary><see cref="BestRates"/> as a table: depth, activation, the best rate and its accuracy.</summary>
    public ResultTable BestRatesTable() => new("Best learning rate of the grid per depth and activation (mean test accuracy over completed runs)",
        [new("depth", RightAligned: true), new("activation"), new("best lr", RightAligned: true), new("test acc. (%)", RightAligned: true)],
        [.. BestRates().Select(b => (IReadOnlyList<string>)[
            b.Depth.ToString(CultureInfo.InvariantCulture), b.Activation.DisplayName, b.LearningRate.ToString(CultureInfo.InvariantCulture),
            b.TestAccuracy.ToString("0.00")])]);

    /// <summary>
    /// Per depth, how far apart the activations' best-of-grid means lie (a gap between two best-of-grid means has no
    /// paired interval, so no winner is named), and how often the best rate is the grid's lowest — where the true best
    /// may lie below the grid.
    /// </summary>
    public string BestRatesReading()
    {
        var best = BestRates();
        var perDepth = string.Join("; ", Sweep.Depths.Select(depth =>
        {
            var atDepth = best.Where(b => b.Depth == depth).ToList();
            var spread = atDepth.Max(b => b.TestAccuracy.Mean) - atDepth.Min(b => b.TestAccuracy.Mean);
            return string.Create(CultureInfo.InvariantCulture, $"depth {depth}: within {spread:0.00} points (") +
                   string.Join(", ", atDepth.Select(b => string.Create(CultureInfo.InvariantCulture,
                       $"{b.Activation.DisplayName} {b.TestAccuracy.Mean:0.00} % at lr {b.LearningRate}"))) + ")";
        }));
        var lowest = Sweep.LearningRates[0];
        var atEdge = best.Count(b => b.LearningRate == lowest);
        return string.Create(CultureInfo.InvariantCulture,
            $"The best means per depth lie {perDepth}. {atEdge} of the {best.Count} best rates are the grid's lowest ({lowest}): there the best rate may lie below the grid.");
    }

    /// <summary>
    /// The seed article's two accuracy claims counted over the grid: "a considerable rise" (PReLU more than δ above ReLU,
    /// its interval clear of δ) and "unlike Leaky ReLU" (more than δ above Leaky ReLU) — the cells where each holds.
    /// </summary>
    public string ClaimsReading()
    {
        string Listed(IReadOnlyList<MapCell> cells) => cells.Count == 0 ? "in no cell" : $"in {Count(cells.Count)} ({string.Join("; ", cells.Select(c => c.Name))})";
        return $"\"A considerable rise\" (PReLU more than {Accuracy.Band.TrimStart('±')} above ReLU, the whole interval beyond it): " +
               $"{Listed(Where(MapContrast.PReluVsReLU, VerdictKind.AboveDelta))} of {Cells.Count}. " +
               $"\"Unlike Leaky ReLU\" (PReLU more than {Accuracy.Band.TrimStart('±')} above Leaky ReLU): {Listed(Where(MapContrast.PReluVsLeaky, VerdictKind.AboveDelta))}.";
    }

    /// <summary>
    /// The map's answer in one paragraph, from the cells: where PReLU is more than δ above ReLU (if anywhere), whether the
    /// cells where ReLU's units died have pairs to judge, and which activation diverged most often.
    /// </summary>
    public string Conclusion(double deadPercent = 10)
    {
        var above = Where(MapContrast.PReluVsReLU, VerdictKind.AboveDelta);
        var below = Where(MapContrast.PReluVsReLU, VerdictKind.BelowDelta);
        var paired = Cells.Count - WithoutPairs(MapContrast.PReluVsReLU).Count;
        var gain = above.Count == 0
            ? $"PReLU is more than {Accuracy.Band.TrimStart('±')} above ReLU in none of the {paired} cells with pairs"
            : $"PReLU is more than {Accuracy.Band.TrimStart('±')} above ReLU in {Count(above.Count)} of {paired} with pairs ({string.Join("; ", above.Select(c => c.Name))})";
        var loss = below.Count == 0 ? "" : $", and more than {Accuracy.Band.TrimStart('±')} below it in {Count(below.Count)}";
        var dying = Cells.Where(c => c.ReluDeadPercent >= deadPercent).ToList();
        var dyingPaired = dying.Count(c => c.Contrast(MapContrast.PReluVsReLU) is not null);
        var threshold = deadPercent.ToString("0.#", CultureInfo.InvariantCulture);
        var dead = dying.Count == 0
            ? $"ReLU lost fewer than {threshold} % of its units in every cell"
            : $"ReLU lost at least {threshold} % of its units in {Count(dying.Count)}, {(dyingPaired == 0 ? "none of them with pairs to judge PReLU against" : $"{dyingPaired} with pairs")}";
        var diverged = DivergedByActivation().OrderByDescending(p => p.Diverged).ToList();
        var stability = diverged[0].Diverged == diverged[^1].Diverged
            ? "every activation diverged equally often"
            : $"{diverged[0].Activation.DisplayName} diverged most often ({string.Join(", ", diverged.Select(p => $"{p.Activation.DisplayName} {p.Diverged}"))} runs)";
        return $"On this map {gain}{loss}; {dead}; and {stability}.";
    }

    /// <summary>
    /// Whether ReLU's dying and PReLU's gains share cells: the cells where ReLU ended with at least
    /// <paramref name="deadPercent"/> % dead units (and whether they have pairs), and the mean PReLU − ReLU difference in
    /// the paired cells on either side of that line.
    /// </summary>
    public string DeadShareReading(double deadPercent = 10)
    {
        var dying = Cells.Where(c => c.ReluDeadPercent >= deadPercent).ToList();
        var paired = Cells.Where(c => c.Contrast(MapContrast.PReluVsReLU) is not null).ToList();
        string Group(IReadOnlyList<MapCell> cells, string name)
        {
            if (cells.Count == 0)
            {
                return $"none {name}";
            }

            var effects = cells.Select(c => c.Contrast(MapContrast.PReluVsReLU)!.Accuracy.Effect.Estimate).ToList();
            return string.Create(CultureInfo.InvariantCulture,
                $"{Count(cells.Count)} {name}, mean PReLU − ReLU {Accuracy.Number(effects.Average())} points (from {Accuracy.Number(effects.Min())} to {Accuracy.Number(effects.Max())})");
        }

        var where = dying.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"ReLU ended with ≥ {deadPercent:0.#} % dead units in no cell")
            : string.Create(CultureInfo.InvariantCulture, $"ReLU ended with ≥ {deadPercent:0.#} % dead units in {Count(dying.Count)} (") +
              string.Join("; ", dying.Select(c => string.Create(CultureInfo.InvariantCulture,
                  $"{c.Name}: {c.ReluDeadPercent:0.0} %{(c.Contrast(MapContrast.PReluVsReLU) is null ? $", no pairs — diverged: {c.Diverged}" : "")}"))) + ")";
        var threshold = string.Create(CultureInfo.InvariantCulture, $"{deadPercent:0.#} %");
        return $"{where}. Among the cells with pairs: {Group([.. paired.Where(c => c.ReluDeadPercent >= deadPercent)], $"with ReLU ≥ {threshold} dead")}; " +
               $"{Group([.. paired.Where(c => !(c.ReluDeadPercent >= deadPercent))], $"with ReLU below {threshold} dead")}.";
    }

    /// <summary>
    /// Each activation's diverged runs and all its runs, summed over the grid, in the cells' activation order: the counts
    /// the notebook's diverged reading and <see cref="Conclusion"/> are both made from.
    /// </summary>
    public IReadOnlyList<(ActivationSpec Activation, int Diverged, int Runs)> DivergedByActivation() =>
    [
        .. Cells[0].Summary.Rows.Select(r => r.Activation).Select(a =>
        {
            var rows = Cells.Select(c => c.Summary.Rows.FirstOrDefault(r => r.Activation == a)).OfType<ActivationSummary>().ToList();
            return (a, rows.Sum(r => r.Diverged), rows.Sum(r => r.Runs));
        }),
    ];

    /// <summary>
    /// The cells where the activations diverged unequally — some trained on a seed where another diverged — with each
    /// one's count: where one activation is the more stable, which no accuracy column shows.
    /// </summary>
    public string UnequalDivergenceReading()
    {
        var unequal = Cells.Where(c => c.Summary.Rows.Select(r => r.Diverged).Distinct().Count() > 1).ToList();
        return unequal.Count == 0 ? "In every cell the activations diverged equally often."
            : $"The activations diverged unequally in {Count(unequal.Count)}: " + string.Join("; ", unequal.Select(c =>
                $"{c.Name} — {string.Join(", ", c.Summary.Rows.Select(r => $"{r.DisplayName} {r.Diverged}/{r.Runs}"))}")) + ".";
    }

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
