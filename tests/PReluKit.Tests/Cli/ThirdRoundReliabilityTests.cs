using System.Text.Json.Nodes;
using PReluKit.Data;
using PReluKit.Data.Idx;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Cli;

/// <summary>Issue 33's compare, merge and option cases, each through the real <c>prelu</c> process.</summary>
public class ThirdRoundReliabilityTests(SharedRuns runs) : IClassFixture<SharedRuns>
{
    /// <summary>The issue's command: ReLU, Leaky and PReLU at lr 0.3 on 400 + 100 images; PReLU's test loss becomes NaN.</summary>
    private static readonly string[] Unstable =
        ["compare", "--hidden", "128,128", "--lr", "0.3", "--activations", "relu,leaky:0.01,prelu", "--seeds", "5", "--epochs", "2", "--threads", "1", "--data", "small"];

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case01_one_failure_rule_is_recorded_per_run_counted_apart_and_resume_and_merge_read_the_folder()
    {
        var (folder, first) = UnstableComparison();
        Assert.True(first.ExitCode is 0 or 1, first.Error);

        var outcomes = Directory.GetFiles(Path.Combine(folder, "out", "runs"), "*.json").Select(p => (Path: p, Run: JsonNode.Parse(File.ReadAllText(p))!)).ToList();
        Assert.Equal(15, outcomes.Count);
        foreach (var (path, run) in outcomes)
        {
            var kind = (string?)run["Outcome"]?["Kind"];
            Assert.True(kind == ExpectedOutcome(run), $"{path}: Outcome {kind}, but its records say {ExpectedOutcome(run)}");
            Assert.False(string.IsNullOrWhiteSpace((string?)run["Outcome"]!["Reason"]), path);
        }

        // The issue's runs: a huge but finite training loss and a NaN test loss are a divergence, not a completed run.
        Assert.Contains(outcomes, o => (string?)o.Run["Outcome"]!["Kind"] == "Diverged" && ((string?)o.Run["Outcome"]!["Reason"])!.Contains("test loss", StringComparison.Ordinal));

        // The summary counts failed runs apart: diverged + collapsed + trained = runs, and the means are over trained runs only.
        var summary = File.ReadAllLines(Path.Combine(folder, "out", "summary.csv"));
        var header = summary[0].Split(',');
        var (diverged, collapsed) = (Array.IndexOf(header, "diverged"), Array.IndexOf(header, "collapsed"));
        Assert.True(diverged >= 0 && collapsed >= 0, summary[0]);
        var failed = summary.Skip(1).Sum(l => int.Parse(l.Split(',')[diverged], System.Globalization.CultureInfo.InvariantCulture) +
                                              int.Parse(l.Split(',')[collapsed], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(outcomes.Count(o => (string?)o.Run["Outcome"]!["Kind"] != "Trained"), failed);

        // --resume reads every run back (the rule decides again, the same way) and redoes none.
        var resumed = PreluCli.Run(folder, [.. Unstable, "--out", "out", "--resume"]);
        Assert.True(resumed.ExitCode == first.ExitCode, $"exit {resumed.ExitCode}: {resumed.Error}");
        Assert.DoesNotContain("TestLoss", resumed.Error);
        Assert.Equal(15, resumed.Output.Split('\n').Count(l => l.Contains("already done", StringComparison.Ordinal)));

        // A file of an older kit (no Outcome, NaN test loss, not marked diverged) is judged by the same rule when read.
        var old = outcomes.First(o => (string?)o.Run["Outcome"]!["Kind"] == "Diverged" && ((string?)o.Run["Outcome"]!["Reason"])!.Contains("test loss", StringComparison.Ordinal));
        var copy = Path.Combine(folder, "older");
        CopyFolder(Path.Combine(folder, "out"), copy);
        var oldRun = JsonNode.Parse(File.ReadAllText(old.Path))!.AsObject();
        oldRun.Remove("Outcome");
        if ((int?)oldRun["DivergedAtEpoch"] == oldRun["Config"]!["Epochs"]!.GetValue<int>())
        {
            oldRun["DivergedAtEpoch"] = null; // as the older kit saved it: completed
        }

        File.WriteAllText(Path.Combine(copy, "runs", Path.GetFileName(old.Path)), oldRun.ToJsonString());
        var merged = PreluCli.Run(folder, "compare", "--merge", "older", "--out", "merged");
        Assert.True(merged.ExitCode == first.ExitCode, $"exit {merged.ExitCode}: {merged.Error}");
        Assert.Equal(File.ReadAllLines(Path.Combine(folder, "out", "summary.csv"))[1..].Select(l => l.Split(',')[..4]),
                     File.ReadAllLines(Path.Combine(folder, "merged", "summary.csv"))[1..].Select(l => l.Split(',')[..4]));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case15_shards_that_differ_only_in_timing_merge_keeping_the_first_and_saying_so_while_other_differences_are_refused()
    {
        var (folder, _) = UnstableComparison();
        var retimed = Path.Combine(folder, "retimed");
        CopyFolder(Path.Combine(folder, "out"), retimed);
        var file = Directory.GetFiles(Path.Combine(retimed, "runs"), "*.json").Order(StringComparer.Ordinal).First();
        var run = JsonNode.Parse(File.ReadAllText(file))!;
        foreach (var epoch in run["Epochs"]!.AsArray().Skip(1))
        {
            epoch!["Seconds"] = epoch["Seconds"]!.GetValue<double>() * 3;
        }

        File.WriteAllText(file, run.ToJsonString());
        var merged = PreluCli.Run(folder, "compare", "--merge", "out", "retimed", "--out", "merged-timing");
        Assert.True(merged.ExitCode is 0 or 1 && !merged.Error.Contains("different results", StringComparison.Ordinal), $"exit {merged.ExitCode}: {merged.Error}");
        var line = Assert.Single(merged.Output.Split('\n'), l => l.Contains("timed twice", StringComparison.Ordinal));
        Assert.Contains(Path.Combine("out", "runs", Path.GetFileName(file)), line);
        Assert.Contains("kept the first", line);

        // A difference in what was computed is still two results for one run.
        var accuracy = run["Epochs"]!.AsArray()[^1]!;
        accuracy["TestAccuracy"] = accuracy["TestAccuracy"]!.GetValue<double>() == 0.5 ? 0.25 : 0.5;
        File.WriteAllText(file, run.ToJsonString());
        var refused = PreluCli.Run(folder, "compare", "--merge", "out", "retimed", "--out", "merged-other");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("hold different results", refused.Error);
        Assert.False(Directory.Exists(Path.Combine(folder, "merged-other", "runs")));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case20_a_tampered_activation_in_a_merge_is_refused_naming_the_file()
    {
        var (folder, _) = UnstableComparison();
        var tampered = Path.Combine(folder, "tampered");
        CopyFolder(Path.Combine(folder, "out"), tampered);
        var file = Directory.GetFiles(Path.Combine(tampered, "runs"), "*prelu*.json").First();
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"prelu:0.25\"", "\"prelu:abc\"", StringComparison.Ordinal));

        var (code, _, error) = PreluCli.Run(folder, "compare", "--merge", "tampered", "--out", "merged-tampered");
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(file, line);
        Assert.Contains("prelu:abc", line);
        Assert.False(Directory.Exists(Path.Combine(folder, "merged-tampered")));
    }

    [Theory]
    [InlineData("compare --activations relu,leaky:1e309", "error: --activations: activation 'leaky:1e309': parameter '1e309' is out of range")]
    [InlineData("compare --seeds 99999999999", "error: --seeds: '99999999999' is out of range; expected an integer between 1 and 1000.")]
    [InlineData("compare --threads 99999999999", "error: --threads: '99999999999' is out of range; expected an integer between 1 and 1024.")]
    [InlineData("compare --seeds 0", "error: --seeds: must be between 1 and 1000, got 0.")]
    [InlineData("compare --threads 0", "error: --threads: must be between 1 and 1024, got 0.")]
    public void Case20_values_out_of_an_options_range_quote_that_range_and_write_nothing(string arguments, string expected)
    {
        using var folder = new TempFolder();
        var (code, _, error) = PreluCli.Run(folder.Path, [.. arguments.Split(' '), "--out", "out"]);
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(expected, line, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Case20_a_subset_from_a_set_too_small_names_from_and_writes_nothing()
    {
        using var folder = new TempFolder();
        TinyIdxSet.Write(folder.Combine("small"), trainCount: 40, testCount: 20);
        var (code, output, error) = PreluCli.Run(folder.Path, "data", "subset", "--from", "small", "--out", "sub");
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --from: '", line, StringComparison.Ordinal);
        Assert.Contains("too small", line);
        Assert.DoesNotContain("Wrote", output);
        Assert.False(Directory.Exists(folder.Combine("sub")));
    }

    [Fact]
    public void Case14_a_model_too_large_for_memory_is_refused_with_its_estimate_before_anything_is_written()
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.Run(folder.Path, "compare", "--hidden", "65536,65536,65536,65536", "--epochs", "1", "--seeds", "1", "--activations", "relu", "--out", "out");
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: --hidden: this mlp of 12,", line, StringComparison.Ordinal);
        Assert.Contains("GiB to train", line);
        Assert.Contains("is available", line);
        Assert.DoesNotContain("prelu compare", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData(20_000)]
    [InlineData(101)]
    public void Case19_a_model_too_deep_to_record_and_report_is_refused_at_once_naming_hidden(int layers)
    {
        using var folder = new TempFolder();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, output, error) = PreluCli.Run(folder.Path, "compare", "--hidden", string.Join(',', Enumerable.Repeat(4, layers)), "--epochs", "1", "--seeds", "1", "--out", "out");
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: --hidden: at most 100 hidden layers (each is recorded every epoch and drawn in the report), got {layers.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}.", line);
        Assert.DoesNotContain("prelu compare", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"took {clock.Elapsed}");
    }

    /// <summary>The issue's case 1 command once per test class: its folder and the process's result.</summary>
    private (string Folder, (int ExitCode, string Output, string Error) Result) UnstableComparison() => runs.Once("unstable", folder =>
    {
        WriteFirstImages(folder.Combine("small"), 400, 100);
        return (folder.Path, PreluCli.Run(folder.Path, [.. Unstable, "--out", "out"]));
    });

    /// <summary>The first <paramref name="train"/> and <paramref name="test"/> images of the shipped subset, as an IDX set.</summary>
    private static void WriteFirstImages(string folder, int train, int test)
    {
        var subset = FashionMnist.LoadFolder(RepositoryRoot.Combine("data", FashionMnist.SubsetFolderName), "subset");
        Directory.CreateDirectory(folder);
        foreach (var (split, count, prefix) in new[] { (subset.Train, train, "train"), (subset.Test, test, "t10k") })
        {
            var first = Enumerable.Range(0, count).ToArray();
            IdxFile.WriteImages(Path.Combine(folder, $"{prefix}-images-idx3-ubyte.gz"), split.Images.Select(first));
            IdxFile.WriteLabels(Path.Combine(folder, $"{prefix}-labels-idx1-ubyte.gz"), [.. first.Select(i => split.Labels[i])]);
        }
    }

    /// <summary>The outcome the rule gives a stored run: a non-finite loss after a trained epoch or a stop on one, else chance accuracy (≤ 15 %).</summary>
    private static string ExpectedOutcome(JsonNode run)
    {
        static bool Finite(JsonNode? value) => value is not null && value.GetValueKind() == System.Text.Json.JsonValueKind.Number;
        var epochs = run["Epochs"]!.AsArray().Skip(1).ToList();
        if (epochs.Any(e => !Finite(e!["TestLoss"]) || !Finite(e!["TrainLoss"])) || run["DivergedAtEpoch"] is not null)
        {
            return "Diverged";
        }

        return epochs[^1]!["TestAccuracy"]!.GetValue<double>() <= 0.15 ? "Collapsed" : "Trained";
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.')))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
