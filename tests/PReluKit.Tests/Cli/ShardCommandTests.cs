using System.Diagnostics;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Cli;

/// <summary><c>prelu compare --shard K/N</c> in separate processes, and <c>--merge</c> of their folders.</summary>
public class ShardCommandTests
{
    private static readonly string[] Sweep = ["compare", "--epochs", "1", "--seeds", "3", "--activations", "relu,prelu", "--threads", "1"];

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public async Task Three_shards_run_as_separate_processes_merge_into_the_unsharded_comparison()
    {
        using var folder = new TempFolder();
        var shards = Enumerable.Range(1, 3).Select(k => Process.Start(PreluCli.StartInfo(folder.Path, [.. Sweep, "--shard", $"{k}/3", "--out", $"shard-{k}"]))!).ToList();
        foreach (var shard in shards)
        {
            using (shard)
            {
                var output = shard.StandardOutput.ReadToEndAsync();
                var error = shard.StandardError.ReadToEndAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                await shard.WaitForExitAsync(timeout.Token);
                Assert.True(shard.ExitCode == 0, $"shard exit {shard.ExitCode}: {await error}");
                Assert.Contains("--merge", await output);
            }
        }

        // Two runs each (run i belongs to shard i mod 3 + 1), and no summary: one shard's seeds are not yet paired.
        Assert.All(Enumerable.Range(1, 3), k => Assert.Equal(2, Directory.GetFiles(folder.Combine($"shard-{k}", "runs"), "*.json").Length));
        Assert.False(File.Exists(folder.Combine("shard-1", "summary.csv")));

        var merged = PreluCli.Run(folder.Path, "compare", "--merge", "shard-1", "shard-2", "shard-3", "--out", "merged");
        Assert.True(merged.ExitCode == 0, $"merge exit {merged.ExitCode}: {merged.Error}");
        var whole = PreluCli.Run(folder.Path, [.. Sweep, "--out", "whole"]);
        Assert.True(whole.ExitCode == 0, $"exit {whole.ExitCode}: {whole.Error}");

        Assert.Equal(6, Directory.GetFiles(folder.Combine("merged", "runs"), "*.json").Length);
        Assert.True(File.Exists(folder.Combine("merged", "report.html")));
        foreach (var csv in new[] { "summary.csv", "contrasts.csv", "epochs.csv" })
        {
            Assert.Equal(WithoutTimes(folder.Combine("whole", csv)), WithoutTimes(folder.Combine("merged", csv)));
        }
    }

    [Fact]
    public void Merging_refuses_a_missing_shard_and_shards_of_other_comparisons()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, PreluCli.Run(folder.Path, [.. Sweep, "--shard", "1/2", "--out", "a"]).ExitCode);
        Assert.Equal(0, PreluCli.Run(folder.Path, [.. Sweep, "--lr", "0.02", "--shard", "2/2", "--out", "b"]).ExitCode);

        var missing = PreluCli.Run(folder.Path, "compare", "--merge", "a", "--out", "merged");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("3 of 6 runs are in none of the shards", missing.Error);

        var other = PreluCli.Run(folder.Path, "compare", "--merge", "a", "b", "--out", "merged");
        Assert.Equal(2, other.ExitCode);
        Assert.Contains("another comparison", other.Error);
        Assert.Contains("LearningRate", other.Error);
        Assert.False(Directory.Exists(folder.Combine("merged", "runs")) && Directory.GetFiles(folder.Combine("merged", "runs")).Length > 0);
    }

    /// <summary>The CSV's rows without the columns that hold times (they differ from process to process).</summary>
    private static List<string> WithoutTimes(string path)
    {
        var rows = File.ReadAllLines(path).Select(Cells).ToList();
        var keep = rows[0].Select((name, i) => (name, i)).Where(c => !c.name.Contains("time", StringComparison.Ordinal) && !c.name.Contains("seconds", StringComparison.Ordinal))
            .Select(c => c.i).ToList();
        return [.. rows.Select(r => string.Join(",", keep.Select(i => r[i])))];
    }

    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
