using System.Diagnostics;
using System.Text.RegularExpressions;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Cli;

/// <summary>The real <c>prelu</c> process, end to end.</summary>
public partial class CompareCommandTests(SharedRuns runs) : IClassFixture<SharedRuns>
{
    private static readonly string[] Tiny = PreluCli.TinyComparison;

    [Fact]
    public void A_tiny_comparison_writes_csvs_runs_and_a_report()
    {
        var (code, output, error, results) = TinyComparison();

        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Equal(4, Directory.GetFiles(Path.Combine(results, "runs"), "*.json").Length);
        Assert.StartsWith("activation,", File.ReadAllLines(Path.Combine(results, "summary.csv"))[0]);
        Assert.Equal(1 + (4 * 2), File.ReadAllLines(Path.Combine(results, "epochs.csv")).Length); // header + runs × (init + 1 epoch)
        Assert.Contains("PReLU (channel-wise)", output);
        Assert.True(File.Exists(Path.Combine(results, "report.html")));
    }

    [ChromiumFact]
    public async Task The_tiny_comparisons_report_renders_offline()
    {
        var (_, output, _, results) = TinyComparison();
        var charts = int.Parse(ReportLine().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await ReportAssertions.RendersOfflineAsync(Path.Combine(results, "report.html"), charts, "cli-compare-report.png");
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void An_interrupted_comparison_resumes_without_retraining_finished_runs()
    {
        using var folder = new TempFolder();
        string[] arguments = ["compare", "--epochs", "2", "--seeds", "3", "--activations", "relu,leaky,prelu", "--out", "out"];
        var runs = folder.Combine("out", "runs");
        using (var process = Process.Start(PreluCli.StartInfo(folder.Path, arguments))!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (!(Directory.Exists(runs) && Directory.GetFiles(runs, "*.json").Length >= 2) && DateTime.UtcNow < deadline && !process.HasExited)
            {
                Thread.Sleep(50);
            }

            process.Kill(entireProcessTree: true); // as hard as a crash: no clean-up code runs
            process.WaitForExit();
        }

        var finished = Directory.GetFiles(runs, "*.json").ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Assert.InRange(finished.Count, 2, 8);

        var refused = PreluCli.Run(folder.Path, arguments);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("--resume", refused.Error);

        var (code, _, error) = PreluCli.Run(folder.Path, [.. arguments, "--resume"]);
        Assert.True(code == 0, $"exit {code}: {error}");
        Assert.Equal(9, Directory.GetFiles(runs, "*.json").Length);
        Assert.All(finished, f => Assert.Equal(f.Value, File.GetLastWriteTimeUtc(f.Key)));
        Assert.DoesNotContain(Directory.GetFiles(folder.Combine("out"), "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--activations relu,swish", "--activations", "relu, leaky, prelu, prelu-shared")]
    [InlineData("--epochs -1", "--epochs", "≥ 1")]
    [InlineData("--epochs 0", "--epochs", "≥ 1")]
    [InlineData("--seeds 0", "--seeds", "between 1 and 1000")]
    [InlineData("--model resnet", "--model", "mlp, cnn")]
    [InlineData("--optimizer lbfgs", "--optimizer", "sgd, adam")]
    [InlineData("--data /no/such/folder", "--data", "subset, full or an existing folder")]
    [InlineData("--out /proc/version", "--out", "not a writable folder")]
    [InlineData("--device tpu", "--device", "cpu, cuda")]
    [InlineData("--lr -0.1", "--lr", "positive")]
    [InlineData("--bogus", "bogus", "Unknown option")]
    [InlineData("--shard 3/2", "--shard", "K/N")]
    [InlineData("--shard 0/2", "--shard", "K/N")]
    [InlineData("--shard two", "--shard", "K/N")]
    [InlineData("--merge --shard 1/2 --out m x", "--merge", "--shard")]
    [InlineData("--merge x", "--merge", "--out")]
    [InlineData("--merge --out m", "--merge", "shard folders")]
    [InlineData("x --out m", "SHARDS", "--merge")]
    public void Bad_arguments_exit_2_with_one_line_naming_the_option(string arguments, string option, string allowed)
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.Run(folder.Path, ["compare", .. arguments.Split(' ')]);
        Assert.Equal(2, code);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(option, lines[0]);
        Assert.Contains(allowed, lines[0]);
        Assert.DoesNotContain("at PReluKit", output + error); // no stack trace
    }

    [Fact]
    public void A_comparison_whose_runs_all_diverge_exits_1()
    {
        using var folder = new TempFolder();
        var (code, output, _) = PreluCli.Run(folder.Path, [.. Tiny, "--lr", "1e12", "--out", "out"]);
        Assert.Equal(1, code);
        Assert.Contains("diverged", output);
    }

    [Fact]
    public void A_shard_whose_runs_all_diverge_succeeds_so_that_the_merge_still_runs_and_counts_them()
    {
        using var folder = new TempFolder();
        string[] diverging = [.. Tiny, "--lr", "1e12"];
        var first = PreluCli.Run(folder.Path, [.. diverging, "--shard", "1/2", "--out", "s1"]);
        var second = PreluCli.Run(folder.Path, [.. diverging, "--shard", "2/2", "--out", "s2"]);
        Assert.True(first.ExitCode == 0, $"shard 1 exited {first.ExitCode}: {first.Error}");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("runs failed (diverged or at chance); they are saved as results and counted apart by the merge", first.Output);

        var (code, output, _) = PreluCli.Run(folder.Path, ["compare", "--merge", "s1", "s2", "--out", "merged"]);
        Assert.Equal(1, code); // the merged comparison has nothing to summarise: every run diverged
        Assert.Contains("diverged", output);
        Assert.True(File.Exists(folder.Combine("merged", "summary.csv")));
    }

    private (int Code, string Output, string Error, string Results) TinyComparison() => runs.Once("tiny", folder =>
    {
        var (code, output, error) = PreluCli.Run(folder.Path, [.. Tiny, "--out", "out"]);
        return (code, output, error, folder.Combine("out"));
    });

    [GeneratedRegex(@"Report \((\d+) charts")]
    private static partial Regex ReportLine();
}
