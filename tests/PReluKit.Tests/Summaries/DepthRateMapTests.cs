using PReluKit.Activations;
using PReluKit.Charts;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Runs;
using PReluKit.Statistics;
using PReluKit.Summaries;
using PReluKit.Tests.Charts;
using PReluKit.Training;

namespace PReluKit.Tests.Summaries;

/// <summary>The depth × learning-rate map on a hand-written sweep, whose every number is known in advance.</summary>
public class DepthRateMapTests
{
    private static readonly ActivationSpec[] Activations = [ActivationSpec.ReLU(), ActivationSpec.Leaky(0.01), ActivationSpec.PReLU()];

    [Fact]
    public void A_cell_gets_paired_differences_and_verdicts_against_delta()
    {
        // PReLU 3 points above ReLU on every seed (±0.1), 0.1 above Leaky ReLU.
        var map = Map(Cell(2, 0.01, relu: [80.0, 81.0, 82.0], leaky: [82.9, 83.9, 84.9], prelu: [83.0, 84.1, 84.9]));
        var cell = map.At(2, 0.01);

        var vsRelu = cell.Contrast(MapContrast.PReluVsReLU)!;
        Assert.Equal(3.0, vsRelu.Accuracy.Effect.Estimate, 6);
        Assert.Equal(VerdictKind.AboveDelta, vsRelu.Accuracy.Kind);
        var vsLeaky = cell.Contrast(MapContrast.PReluVsLeaky)!;
        Assert.Equal(0.1, vsLeaky.Accuracy.Effect.Estimate, 6);
        Assert.Equal(VerdictKind.Equivalent, vsLeaky.Accuracy.Kind);
        Assert.Equal(10.0, cell.ReluDeadPercent, 6); // 1 of fc1's 10 units in every synthetic run
        Assert.Equal("", cell.Diverged);
    }

    [Fact]
    public void A_cell_where_relu_diverged_on_every_seed_has_no_pairs_and_says_so()
    {
        var map = Map(
            Cell(2, 0.01, relu: [80.0, 81.0, 82.0], leaky: [80.0, 81.0, 82.0], prelu: [80.0, 81.0, 82.0]),
            Cell(2, 0.3, relu: [double.NaN, double.NaN, double.NaN], leaky: [70.0, 71.0, 72.0], prelu: [75.0, 75.5, 76.0]));
        var cell = map.At(2, 0.3);

        Assert.Null(cell.Contrast(MapContrast.PReluVsReLU));
        Assert.NotNull(cell.Contrast(MapContrast.PReluVsLeaky));
        Assert.Equal("ReLU 3/3", cell.Diverged);
        Assert.True(double.IsNaN(cell.ReluDeadPercent));
        Assert.Contains("no seed completed both runs", cell.Describe(MapContrast.PReluVsReLU));
        Assert.Contains("diverged: ReLU 3/3", cell.Describe(MapContrast.PReluVsReLU));
        Assert.Equal([cell], map.WithoutPairs(MapContrast.PReluVsReLU));

        var reading = map.Reading(MapContrast.PReluVsReLU);
        Assert.Contains("over 2 cells", reading);
        Assert.Contains("1 cell equivalent within ±1 point (depth 2, lr 0.01)", reading);
        Assert.Contains("1 cell without a pair to compare, because runs diverged (depth 2, lr 0.3)", reading);
    }

    [Fact]
    public void The_table_has_a_row_per_cell_with_both_contrasts_and_the_diverged_runs()
    {
        var map = Map(
            Cell(2, 0.01, relu: [80.0, 81.0, 82.0], leaky: [80.0, 81.0, 82.0], prelu: [83.0, 84.0, 85.0]),
            Cell(8, 0.01, relu: [double.NaN, 81.0, 82.0], leaky: [80.0, 81.0, 82.0], prelu: [80.0, 81.0, 82.0]));
        var table = map.ToTable();

        Assert.Equal(2, table.Rows.Count);
        var header = table.Columns.Select(c => c.Header).ToList();
        var first = table.Rows[0];
        Assert.Equal("+3.00 [+3.00, +3.00]", first[header.IndexOf("PReLU − ReLU (pts)")]);
        Assert.Equal("higher by more than 1 point", first[header.IndexOf("verdict vs ReLU")]);
        Assert.Equal("-15.8 %", first[header.IndexOf("Δ error vs ReLU")]); // error 19 → 16 % of ReLU's mean error over the pairs
        Assert.Equal("none", first[header.IndexOf("diverged")]);
        var second = table.Rows[1];
        Assert.Equal("ReLU 1/3", second[header.IndexOf("diverged")]);
        Assert.Equal("0.00 [0.00, 0.00]", second[header.IndexOf("PReLU − ReLU (pts)")]);
        Assert.Equal(2, map.At(8, 0.01).Contrast(MapContrast.PReluVsReLU)!.Pairs); // the seeds where ReLU completed
    }

    [Fact]
    public void The_heatmap_places_each_estimate_at_its_depth_and_rate_and_leaves_unpaired_cells_blank()
    {
        var map = Map(
            Cell(2, 0.01, relu: [80.0, 81.0, 82.0], leaky: [80.0, 81.0, 82.0], prelu: [83.0, 84.0, 85.0]),
            Cell(2, 0.1, relu: [double.NaN, double.NaN, double.NaN], leaky: [80.0, 81.0, 82.0], prelu: [80.0, 81.0, 82.0]),
            Cell(8, 0.01, relu: [80.0, 81.0, 82.0], leaky: [80.0, 81.0, 82.0], prelu: [79.0, 80.0, 81.0]),
            Cell(8, 0.1, relu: [80.0, 81.0, 82.0], leaky: [80.0, 81.0, 82.0], prelu: [80.5, 81.5, 82.5]));
        var chart = MapPlots.Heatmap(map, MapContrast.PReluVsReLU);
        var json = Plotly.NET.GenericChart.toFigureJson(chart.Chart);

        // Rows are depths ascending, columns rates ascending.
        Assert.Contains("\"z\":[[3.0,null],[-1.0,0.5]]", json.Replace(" ", ""));
        Assert.Contains("\"lr 0.01\"", json);
        Assert.Contains("\"8 layers\"", json);
        Assert.Contains("no pairs<br>ReLU 3/3<br>PReLU 0/3 diverged", json);
        Assert.Contains("\"reversescale\":true", json.Replace(" ", "")); // blue is PReLU higher
        Assert.Equal(map.Reading(MapContrast.PReluVsReLU), chart.Takeaway);
    }

    [Fact]
    public void A_square_without_pairs_is_white_with_dark_text_so_its_label_is_readable()
    {
        var map = Map(
            Cell(2, 0.01, relu: [80.0, 81.0, 82.0], leaky: [80.0, 81.0, 82.0], prelu: [83.0, 84.0, 85.0]),
            Cell(2, 0.1, relu: [double.NaN, double.NaN, double.NaN], leaky: [80.0, 81.0, 82.0], prelu: [80.0, 81.0, 82.0]));

        var traces = System.Text.Json.Nodes.JsonNode.Parse(Plotly.NET.GenericChart.toJson(MapPlots.Heatmap(map, MapContrast.PReluVsReLU).Chart))!["data"]!.AsArray();

        // Plotly writes a label on a cell without a value in white, on the white background: the gap has a trace of its own.
        var gaps = Assert.Single(traces, t => t!["text"]!.ToJsonString().Contains("no pairs", StringComparison.Ordinal))!;
        Assert.Equal("[[null,0]]", gaps["z"]!.ToJsonString().Replace(".0", "", StringComparison.Ordinal));
        Assert.Equal("#222222", (string?)gaps["textfont"]!["color"]);
        Assert.All(gaps["colorscale"]!.AsArray(), stop => Assert.Equal("#ffffff", (string?)stop![1]));
        Assert.False((bool)gaps["showscale"]!);
        Assert.DoesNotContain(traces, t => t != gaps && t!["text"]!.ToJsonString().Contains("no pairs", StringComparison.Ordinal));
    }

    [Fact]
    public void The_best_rate_per_depth_and_activation_is_the_one_with_the_highest_mean_over_completed_runs()
    {
        var map = Map(
            Cell(2, 0.01, relu: [80.0, 81.0, 82.0], leaky: [84.0, 85.0, 86.0], prelu: [80.0, 81.0, 82.0]),
            Cell(2, 0.1, relu: [90.0, double.NaN, 74.0], leaky: [80.0, 81.0, 82.0], prelu: [86.0, 87.0, 88.0]));

        var best = map.BestRates().ToDictionary(b => b.Activation.Kind);

        Assert.Equal(0.1, best[ActivationKind.ReLU].LearningRate); // 82 over its two completed runs beats lr 0.01's 81
        Assert.Equal(82.0, best[ActivationKind.ReLU].TestAccuracy.Mean, 6);
        Assert.Equal(2, best[ActivationKind.ReLU].TestAccuracy.Count);
        Assert.Equal(0.01, best[ActivationKind.LeakyReLU].LearningRate);
        Assert.Equal(0.1, best[ActivationKind.PReLUChannelWise].LearningRate);
    }

    [Fact]
    public void The_readings_name_the_cells_where_relu_died_where_the_activations_diverged_unequally_and_the_best_rates()
    {
        var map = Map(
            Cell(2, 0.01, relu: [80.0, 81.0, 82.0], leaky: [80.0, 81.0, 82.0], prelu: [81.0, 82.0, 83.0]),
            Cell(2, 0.1, relu: [double.NaN, double.NaN, double.NaN], leaky: [80.0, 81.0, 82.0], prelu: [80.0, double.NaN, 82.0]));

        // Every synthetic run has 1 of fc1's 10 units dead: 10 % for ReLU in the cell where it completed.
        Assert.Equal("ReLU ended with ≥ 10 % dead units in 1 cell (depth 2, lr 0.01: 10.0 %). Among the cells with pairs: " +
                     "1 cell with ReLU ≥ 10 % dead, mean PReLU − ReLU +1.00 points (from +1.00 to +1.00); none with ReLU below 10 % dead.",
                     map.DeadShareReading(deadPercent: 10));
        Assert.Equal("The activations diverged unequally in 1 cell: depth 2, lr 0.1 — ReLU 3/3, Leaky ReLU (0.01) 0/3, PReLU (channel-wise) 1/3.",
                     map.UnequalDivergenceReading());
        Assert.Equal([("ReLU", 3, 6), ("Leaky ReLU (0.01)", 0, 6), ("PReLU (channel-wise)", 1, 6)],
                     map.DivergedByActivation().Select(p => (p.Activation.DisplayName, p.Diverged, p.Runs)));
        Assert.Equal("The best means per depth lie depth 2: within 1.00 points (ReLU 81.00 % at lr 0.01, Leaky ReLU (0.01) 81.00 % at lr 0.01, " +
                     "PReLU (channel-wise) 82.00 % at lr 0.01). 3 of the 3 best rates are the grid's lowest (0.01): there the best rate may lie below the grid.",
                     map.BestRatesReading());
        Assert.Equal("On this map PReLU is more than 1 point above ReLU in none of the 1 cells with pairs; ReLU lost at least 10 % of its units " +
                     "in 1 cell, 1 with pairs; and ReLU diverged most often (ReLU 3, PReLU (channel-wise) 1, Leaky ReLU (0.01) 0 runs).",
                     map.Conclusion(deadPercent: 10));
        Assert.Equal("\"A considerable rise\" (PReLU more than 1 point above ReLU, the whole interval beyond it): in no cell of 2. " +
                     "\"Unlike Leaky ReLU\" (PReLU more than 1 point above Leaky ReLU): in no cell.", map.ClaimsReading());
    }

    /// <summary>A cell of three seeds; a NaN accuracy makes that seed's run diverge.</summary>
    private static MapCellSpec Cell(int depth, double rate, double[] relu, double[] leaky, double[] prelu) => new(depth, rate, [relu, leaky, prelu]);

    private static DepthRateMap Map(params MapCellSpec[] cells)
    {
        var training = TrainingConfig.For(ModelKind.Mlp);
        var experiments = cells.Select(cell =>
        {
            var config = new ComparisonConfig(training with { Hidden = [.. Enumerable.Repeat(16, cell.Depth)], LearningRate = cell.Rate },
                Activations, [0, 1, 2]);
            var identity = new ComparisonIdentity("{}", new DataIdentity("synthetic", 3, 3, "0"), 1, 1);
            var runs = Activations.SelectMany((a, i) => cell.Accuracies[i].Select((accuracy, seed) => double.IsNaN(accuracy)
                ? SyntheticRuns.Run(a, (ulong)seed, 0.1) with { DivergedAtEpoch = 1 }
                : SyntheticRuns.Run(a, (ulong)seed, accuracy / 100))).ToList();
            var manifest = new ComparisonManifest(config, identity, "synthetic", DateTimeOffset.UnixEpoch);
            var provenance = new ExperimentProvenance(new string('0', 40), "synthetic", "none", DateTimeOffset.UnixEpoch, 0, 1, "0");
            return new SweepCell(cell.Depth, cell.Rate, new RecordedExperiment($"synthetic/{cell.Depth}-{cell.Rate}", manifest, runs, provenance));
        }).ToList();
        return DepthRateMap.From(new RecordedSweep("synthetic", 16, experiments));
    }

    private sealed record MapCellSpec(int Depth, double Rate, double[][] Accuracies);
}
