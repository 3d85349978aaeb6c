using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using PReluKit.Activations;
using PReluKit.Runs;
using PReluKit.Summaries;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Notebooks;

/// <summary>
/// Every reading whose truth depends on the profile or the machine, checked against the numbers the same quick render
/// printed (one render per notebook, shared with the execution tests): the sentence must follow from its numbers.
/// </summary>
public partial class NotebookExecutionTests
{
    [Fact]
    public void Notebook_01_reads_the_init_chart_from_its_own_numbers_and_calls_the_ratio_exact_by_construction()
    {
        var text = AllText(Rendered("01-what-is-prelu"));
        var m = Match(text, @"E\[y²\] is ×([\d.]+) of the first layer's with PReLU's own gain and ×([\d.]+) with ReLU's gain");
        var (own, relu) = (Number(m, 1), Number(m, 2));
        var ratio = Match(text, @"The ratio of the two, ×([\d.]+) = \(1 \+ α²\)\^29 = ([\d.]+), is exact by construction");
        Assert.Equal(relu / own, Number(ratio, 1), 0.06); // from the rounded printed numbers
        Assert.Equal(Math.Pow(1.0625, 29), Number(ratio, 2), 0.006);
        Assert.Contains(relu > 2 && own < Math.Sqrt(relu) ? "the gain matters" : "barely matters", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Notebook_02_readings_add_up_say_off_for_leaky_and_prelu_and_quote_the_recorded_cnn()
    {
        var outcome = Rendered("02-dying-relu");
        var text = AllText(outcome);

        // Every unit history: dead at the end = (died − revived + dead again) + those never positive from the start.
        var stories = Regex.Matches(text, @"(\d+) of (\d+) units (dead|off) at initialisation; (\d+) (?:died|switched off) during training, (\d+) of them " +
                                          @"revived \(positive again after a later epoch\) and (\d+) of those were (?:dead|off) again at the end; " +
                                          @"(?:dead|off) at the end: (\d+) \((\d+) that");
        Assert.NotEmpty(stories);
        foreach (Match s in stories)
        {
            var (died, revived, again, end, fromTraining) = (Int(s, 4), Int(s, 5), Int(s, 6), Int(s, 7), Int(s, 8));
            Assert.True(revived <= died && again <= revived, s.Value);
            Assert.Equal(died - revived + again, fromTraining);
            Assert.True(end >= fromTraining, s.Value);
        }

        // Leaky ReLU and PReLU units are never "dead": their readings say off.
        foreach (var name in new[] { "Leaky ReLU (0.01)", "PReLU (channel-wise)" })
        {
            Assert.Matches($@"{Regex.Escape(name)}, after epoch \d+ — fc2_act: \d+ of 128 units off at initialisation", text);
            Assert.DoesNotMatch($@"{Regex.Escape(name)}, after epoch [^.]*\d+ (units )?dead\b", text);
            Assert.Matches($@"{Regex.Escape(name)} fc1_act [\d.]+ % off", text);
        }

        // τ-dormant against never positive: the count of rows is the one the numbers give.
        var rows = Regex.Matches(text, @"(\d+) of (\d+) τ-dormant at τ = 0\.1, (\d+) \([\d.]+ %\) (dead|off)");
        Assert.Equal(6, rows.Count); // 3 activations × 2 layers
        var more = rows.Count(r => Int(r, 1) > Int(r, 3));
        Assert.Contains($"In {more} of {rows.Count} rows more units are dormant than never positive", text, StringComparison.Ordinal);

        // α: exactly 0 (a ReLU unit, can die) is counted apart from below 0 (non-monotonic, still passes a gradient: off).
        var counts = Regex.Matches(text, @"mean α [\d.-]+ \(min ([\d.-]+), max [\d.-]+, (\d+) at exactly 0, (\d+) below 0, of");
        Assert.Equal(2, counts.Count);
        Assert.Contains(counts.Sum(c => Int(c, 2)) == 0 ? "No α is exactly 0" : "Exactly 0: ", text, StringComparison.Ordinal);
        Assert.Equal(counts.Sum(c => Int(c, 3)) > 0, text.Contains("α — those units are non-monotonic", StringComparison.Ordinal));
        Assert.All(counts, c => Assert.Equal(Number(c, 1) < 0, Int(c, 3) > 0));

        // The recorded CNN's dead shares, computed here from the same runs.
        var cnn = ComparisonSummary.From(RecordedExperiment.Load("cnn-full", RepositoryRoot.Combine("data"))).Rows;
        string Dead(ActivationKind kind) => cnn.Single(r => r.Activation.Kind == kind).DeadPercent.ToString("0.0", CultureInfo.InvariantCulture);
        Assert.Contains($"ReLU {Dead(ActivationKind.ReLU)} % dead against PReLU {Dead(ActivationKind.PReLUChannelWise)} %", WebUtility.HtmlDecode(outcome.Findings),
                        StringComparison.Ordinal);
        Assert.Contains("(10× its usual rate)", WebUtility.HtmlDecode(outcome.Findings), StringComparison.Ordinal);
        var recorded = RecordedExperiment.Load("cnn-full", RepositoryRoot.Combine("data")).Manifest.Config.Training;
        Assert.Equal(PReluKit.Training.OptimizerKind.Sgd, recorded.Optimizer);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"in the recorded CNN (SGD with momentum {recorded.Momentum})"),
                        WebUtility.HtmlDecode(outcome.Findings), StringComparison.Ordinal);
        Assert.DoesNotContain("under plain SGD", text, StringComparison.Ordinal); // it ran with momentum
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Notebook_03_gives_no_verdict_from_two_pairs_and_no_time_verdict_from_the_recorded_runs()
    {
        var outcome = Rendered("03-relu-vs-leaky-vs-prelu");
        var text = AllText(outcome);
        Assert.Contains("too few seeds to judge", text, StringComparison.Ordinal); // the quick profile's 2 seeds
        Assert.DoesNotMatch(@"CI \d+\.\d+–\d{4,}\.", text);                      // no "0.000–117196.089"
        Assert.Contains("not judged here — not compared: " + RecordedExperiment.NotTimingEvidence, text, StringComparison.Ordinal);
        Assert.Contains("not judged here — not compared: " + ComparisonSummary.LiveTimesNotEvidence, text, StringComparison.Ordinal);
        var recorded = text[text.IndexOf("recorded experiment mlp-full", StringComparison.Ordinal)..];
        Assert.DoesNotContain("slower by more than", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("faster by more than", recorded, StringComparison.Ordinal);

        var relu = Number(Match(text, @"ReLU: ([\d.]+) % dead;"), 1);
        var expected = relu < 1 ? "dead units cannot explain" : string.Create(CultureInfo.InvariantCulture, $"ReLU lost {relu:0.0} % of its units");
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Matches(@"Leaky ReLU \(0\.01\): [\d.]+ % off", text);

        // The paired difference by hand: the mean of the printed d's, its place against 0 from the printed interval and count.
        var hand = Match(text, @"d = ([-+\d., ]+) points \(seeds [\d, ]+\): d̄ = ([-+\d.]+) \[([-+\d.]+), ([-+\d.]+)\], ([^;]+); " +
                               @"error ([\d.]+) → ([\d.]+) % \(([-+\d.]+) % of the error\)");
        var d = hand.Groups[1].Value.Split(", ").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(d.Average(), Number(hand, 2), 0.006);
        var (low, high) = (Number(hand, 3), Number(hand, 4));
        Assert.StartsWith(d.Count < 3 ? "too few seeds" : low > 0 ? "wholly above 0" : high < 0 ? "wholly below 0" : "across 0",
                          hand.Groups[5].Value, StringComparison.Ordinal);
        var (from, to) = (Number(hand, 6), Number(hand, 7));
        Assert.Equal(100 * (to - from) / from, Number(hand, 8), 0.15);
        Assert.Equal(from - to, Number(hand, 2), 0.015);

        // Six contrasts read at once: the chance line, and the live time reason once (in the table's title), not per row.
        Assert.Contains("6 contrasts read at once", text, StringComparison.Ordinal);
        Assert.Contains("at least one with probability 26 %", text, StringComparison.Ordinal); // 1 − 0.95⁶
        var contrasts = outcome.Html.First(h => h.Contains("Paired contrasts", StringComparison.Ordinal));
        Assert.Single(Regex.Matches(WebUtility.HtmlDecode(contrasts), Regex.Escape(ComparisonSummary.LiveTimesNotEvidence)));

        // δ argued on the error scale, from the recorded runs.
        var delta = Match(text, @"ReLU's test error is ([\d.]+) %: δ = 1 point is a change of ([\d.]+) % of it, while He et al\.'s ImageNet gain was a change of -3\.5 % of theirs");
        Assert.Equal(100 / Number(delta, 1), Number(delta, 2), 0.06);
        Assert.DoesNotContain("too small to matter", text, StringComparison.Ordinal);
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Notebook_04_computes_the_alpha_drop_drops_empty_columns_and_withholds_recorded_times()
    {
        var outcome = Rendered("04-channelwise-prelu-cnn");
        var text = AllText(outcome);
        var m = Match(text, @"lowers the mean learned α by ([\d.-]+) \[([\d.-]+), ([\d.-]+)\] \(95 % CI over (\d+) seeds; mean α ([\d.-]+) → ([\d.-]+), (-?\d+) % lower\)");
        var (drop, kept, decayed) = (Number(m, 1), Number(m, 5), Number(m, 6));
        Assert.Equal(kept - decayed, drop, 0.0015);
        Assert.True(Math.Abs((100 * drop / kept) - Number(m, 7)) <= 1.5, m.Value); // the percent is of the unrounded numbers
        Assert.Contains($"Decaying α lowers the mean α by {m.Groups[1].Value} [", WebUtility.HtmlDecode(outcome.Findings), StringComparison.Ordinal);

        Assert.Contains("1 epoch;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1 epochs", text, StringComparison.Ordinal);
        var live = outcome.Html.First(h => h.Contains("Final test accuracy", StringComparison.Ordinal));
        Assert.DoesNotContain("verdict vs ReLU", live, StringComparison.Ordinal); // no ReLU here: the column would be all "—"
        Assert.Contains("range over seeds", text, StringComparison.Ordinal);
        // The recorded times are withheld with their reason, said once in the contrasts table's title rather than on every row.
        Assert.Contains("epoch times not compared (" + RecordedExperiment.NotTimingEvidence + ")", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not compared: " + RecordedExperiment.NotTimingEvidence, text, StringComparison.Ordinal);
        // The first layer is called largest only when every paired interval over seeds lies above 0.
        var first = Match(text, @"Per seed, conv1_act's mean α (.*?) \(95 % CI over (\d+) seeds\): ([^\n]*)");
        var lowers = Regex.Matches(first.Groups[1].Value, @"\[([-+\d.]+), ([-+\d.]+)\]").Select(m => (Number(m, 1), Number(m, 2))).ToList();
        Assert.NotEmpty(lowers);
        Assert.Contains(Int(first, 2) < 3 ? "too few seeds to judge"
                        : lowers.All(l => l.Item1 > 0) ? "learns the largest α — the direction"
                        : lowers.Any(l => l.Item2 < 0) ? "does not learn the largest" : "not settled at this scale",
                        first.Groups[3].Value, StringComparison.Ordinal);

        // The recorded shared α, computed here from the same runs: every layer's count below 0 and above 1.
        var shared = RecordedExperiment.Load("cnn-full", RepositoryRoot.Combine("data")).Runs
            .Where(r => !r.Diverged && r.Config.Activation.Kind == ActivationKind.PReLUShared)
            .SelectMany(r => r.Final.Alphas).GroupBy(a => a.Layer).ToList();
        foreach (var layer in shared)
        {
            var values = layer.Select(a => a.Mean).ToList();
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{layer.Key}: shared α {values.Average():0.00} (from {values.Min():0.00} " +
                            $"to {values.Max():0.00}), below 0 on {values.Count(v => v < 0)} and above 1 on {values.Count(v => v > 1)} of {values.Count} seeds"),
                            text, StringComparison.Ordinal);
        }

        var everyNegative = shared.Where(l => l.All(a => a.Mean < 0)).Select(l => l.Key).ToList();
        Assert.Contains(everyNegative.Count == 0 ? "No layer's shared α is below 0 on every seed" : $"Below 0 on every seed: {string.Join(", ", everyNegative)} —",
                        text, StringComparison.Ordinal);
        // The gain is read against He et al.'s relative gain by its whole interval, never by its point estimate.
        var gain = Match(text, @"difference, ([-+\d.]+) \[([-+\d.]+), ([-+\d.]+)\] points, is [-+\d.]+ % of ReLU's error\. He et al\.'s " +
                               @"ImageNet gain \([-+\d.]+ % of the error\) would be ([-+\d.]+) points here; the interval lies (wholly above|wholly below|across) it");
        var (lower, upper, hePoints) = (Number(gain, 2), Number(gain, 3), Number(gain, 4));
        Assert.Equal(lower > hePoints ? "wholly above" : upper < hePoints ? "wholly below" : "across", gain.Groups[5].Value);
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Notebook_05_counts_rounds_and_reads_the_kits_ratio_and_the_dilution_from_its_numbers()
    {
        var outcome = Rendered("05-cost-of-prelu");
        var text = AllText(outcome);
        Assert.DoesNotContain("seeds would", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" pairs)", WebUtility.HtmlDecode(outcome.Findings), StringComparison.Ordinal);
        Assert.Contains(" rounds)", WebUtility.HtmlDecode(outcome.Findings), StringComparison.Ordinal);

        var kit = Match(text, @"95 % CI ([\d.]+)–([\d.]+), (\d+) rounds\)");
        var (lower, upper) = (Number(kit, 1), Number(kit, 2));
        Assert.Contains(upper < 1 ? "the kit is faster" : lower > 1 ? "the kit is slower" : "not settled which is faster", text, StringComparison.Ordinal);

        // Each model's epoch ratio against its own layout's per-call ratio, decided by intervals.
        var models = Regex.Matches(text, @"(MLP|CNN) \((dense|conv) per call ×([\d.]+) \[([\d.]+), ([\d.]+)\]: .+?; " +
                                             @"epoch ×([\d.]+) \[([\d.]+), ([\d.]+)\]\): ([^\n]+)");
        Assert.Equal(2, models.Count);
        foreach (Match m in models)
        {
            var (call, callLow, callHigh, epochLow, epochHigh) = (Number(m, 3), Number(m, 4), Number(m, 5), Number(m, 7), Number(m, 8));
            var expected = callLow <= 1 && callHigh >= 1 ? "no settled per-call difference"
                : (call > 1 ? epochHigh < call : epochLow > call) ? "the epoch dilutes"
                : (call > 1 ? epochLow > call : epochHigh < call) ? "the epoch ratio lies beyond" : "not settled whether the epoch dilutes";
            Assert.StartsWith(expected, m.Groups[9].Value, StringComparison.Ordinal);
        }

        // Memory: three floats per α, and an output-sized buffer of batch × units floats per layer and step (MLP, batch 128).
        Assert.Contains("MLP (batch 128): fc1_act 256 α: 3,072 B α-sized, 131,072 B output-sized, fc2_act 128 α: 1,536 B α-sized, " +
                        "65,536 B output-sized — per step 4,608 B α-sized against 196,608 B output-sized", text, StringComparison.Ordinal);
        Assert.DoesNotContain("noticeable", text, StringComparison.Ordinal);
        Assert.Contains("without the additional computational overhead", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Notebook_06_names_the_activation_that_diverged_most_with_the_start_it_was_given()
    {
        var text = AllText(Rendered("06-where-prelu-matters"));
        var counts = Regex.Matches(Match(text, @"Diverged runs over the whole grid \(loss NaN; left out of every mean\): ([^\n]+)\.").Groups[1].Value,
                                   @"([^,]+?) (\d+) of (\d+)");
        Assert.Equal(3, counts.Count);
        var most = counts.MaxBy(c => Int(c, 2))!;
        Assert.Contains($"{most.Groups[1].Value.Trim()} diverged most often ({most.Groups[2].Value} of {most.Groups[3].Value} runs). " +
                        "Read it with the setting: every activation was drawn with ReLU's He gain", text, StringComparison.Ordinal);
        var start = Match(text, @"at depth (\d+) PReLU began with ×([\d.]+) ReLU's E\[y²\]");
        Assert.Equal(Math.Pow(1.0625, Int(start, 1)), Number(start, 2), 0.006);
        Assert.Contains("is pending, so no cause is claimed here", text, StringComparison.Ordinal);
        Assert.DoesNotContain("notebook 2 saw ReLU units die at high learning rates", text, StringComparison.Ordinal);
    }

    /// <summary>Every plain-text and HTML output of the render, one after another.</summary>
    private static string AllText(NotebookRender.Outcome outcome) =>
        string.Join("\n", outcome.Outputs.Select(o => NotebookRender.Text(o["data"]?["text/plain"]) +
                                                  WebUtility.HtmlDecode(NotebookRender.Text(o["data"]?["text/html"]))));

    private static Match Match(string text, string pattern)
    {
        var m = Regex.Match(text, pattern);
        Assert.True(m.Success, $"no reading matching {pattern}");
        return m;
    }

    private static double Number(Match m, int group) => double.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Int(Match m, int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
}
