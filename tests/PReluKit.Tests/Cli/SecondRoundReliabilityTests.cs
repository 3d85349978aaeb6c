using System.Text.Json.Nodes;
using PReluKit.IO;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Cli;

/// <summary>Issue 20's cases: what still crashed, overwrote or mixed after the first round; each through the real process where it is a CLI case.</summary>
public class SecondRoundReliabilityTests
{
    private static readonly string[] Tiny = PreluCli.TinyComparison;

    [Fact]
    public void Case01_an_output_that_is_a_pipe_or_a_link_is_refused_and_left_as_it_was()
    {
        using var folder = new TempFolder();
        Shell(folder.Path, "mkfifo pipe.html && ln -s elsewhere.html link.html");
        Assert.Equal("a character device", FileKind.NotRegular("/dev/null"));

        foreach (var (name, kind) in new[] { ("pipe.html", "a named pipe"), ("link.html", "a symbolic link") })
        {
            var (code, output, error) = PreluCli.Run(folder.Path, "plot", "activations", "--out", name);
            Assert.Equal(2, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: --out", line, StringComparison.Ordinal);
            Assert.Contains(kind, line);
            Assert.DoesNotContain("Wrote", output);
            Assert.Equal(kind, FileKind.NotRegular(folder.Combine(name)));
        }

        Assert.False(File.Exists(folder.Combine("elsewhere.html")));
        Assert.Throws<IOException>(() => AtomicFile.WriteAllText(folder.Combine("pipe.html"), "x"));
        Assert.Equal("a named pipe", FileKind.NotRegular(folder.Combine("pipe.html")));
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("compare --lr 1e308", "--lr")]
    [InlineData("compare --lr 3.5e38", "--lr")]
    [InlineData("compare --weight-decay 1e308", "--weight-decay")]
    [InlineData("compare --model cnn --lr 1e308", "--lr")]
    [InlineData("dead --lr 1e308", "--lr")]
    public void Case02_rates_that_overflow_a_float_are_option_errors_and_nothing_is_written(string arguments, string option)
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.Run(folder.Path, [.. arguments.Split(' '), "--out", "out"]);
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {option}: must be", line, StringComparison.Ordinal);
        Assert.Contains("3.40282347E+38", line);
        Assert.DoesNotContain("at PReluKit", output + error);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    /// <summary>Damaged run files: each names the file, exits 1 and leaves the summary as it was, through --resume and --merge.</summary>
    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case03_09_15_damaged_run_files_are_refused_naming_the_file_and_nothing_is_half_written()
    {
        using var folder = new TempFolder();
        var made = PreluCli.Run(folder.Path, [.. Tiny, "--threads", "1", "--out", "good"]);
        Assert.True(made.ExitCode == 0, made.Error);
        var damages = new (string Name, Func<string, string> Damage)[]
        {
            ("alphas-null", text => Edit(text, run => run["Epochs"]![1]!["Alphas"] = null)),
            ("accuracy-5", text => Edit(text, run => run["Epochs"]![1]!["TestAccuracy"] = 5.0)),
            ("accuracy-nan", text => Edit(text, run => run["Epochs"]![1]!["TestAccuracy"] = "NaN")),
            ("epochs-empty", text => Edit(text, run => run["Epochs"] = new JsonArray())),
            ("other-seed", text => Edit(text, run => run["Seed"] = 1)),
            ("truncated", text => text[..(text.Length / 2)]),
        };
        foreach (var (name, damage) in damages)
        {
            foreach (var merge in new[] { false, true })
            {
                var copy = folder.Combine($"{name}-{merge}");
                CopyFolder(folder.Combine("good"), copy);
                var victim = Directory.GetFiles(Path.Combine(copy, "runs"), "*prelu*seed0*.json").Single();
                File.WriteAllText(victim, damage(File.ReadAllText(victim)));
                var before = File.ReadAllText(Path.Combine(copy, "summary.csv"));

                var (code, _, error) = merge
                    ? PreluCli.Run(folder.Path, "compare", "--merge", copy, "--out", $"merged-{name}")
                    : PreluCli.Run(folder.Path, [.. Tiny, "--threads", "1", "--out", copy, "--resume"]);
                Assert.True(code == 1, $"{name}, merge {merge}: exit {code}: {error}");
                var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains(victim, line);
                Assert.DoesNotContain("at PReluKit", error);
                Assert.Equal(before, File.ReadAllText(Path.Combine(copy, "summary.csv")));
                Assert.False(Directory.Exists(folder.Combine($"merged-{name}", "runs")), $"{name}: the merge copied runs");
            }
        }
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case06_resuming_with_other_activations_is_refused_and_the_summary_stays()
    {
        using var folder = new TempFolder();
        var first = PreluCli.Run(folder.Path, "compare", "--epochs", "1", "--seeds", "2", "--activations", "relu,leaky", "--out", "x");
        Assert.True(first.ExitCode == 0, first.Error);
        var summary = File.ReadAllText(folder.Combine("x", "summary.csv"));
        var manifest = File.ReadAllText(folder.Combine("x", "comparison.json"));

        var (code, _, error) = PreluCli.Run(folder.Path, "compare", "--epochs", "1", "--seeds", "2", "--activations", "elu,selu", "--out", "x", "--resume");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --resume", error, StringComparison.Ordinal);
        Assert.Contains("activations: relu,leaky:0.01 → elu:1,selu", error);
        Assert.Equal(summary, File.ReadAllText(folder.Combine("x", "summary.csv")));
        Assert.Equal(manifest, File.ReadAllText(folder.Combine("x", "comparison.json")));

        var seeds = PreluCli.Run(folder.Path, "compare", "--epochs", "1", "--seeds", "3", "--activations", "relu,leaky", "--out", "x", "--resume");
        Assert.Equal(2, seeds.ExitCode);
        Assert.Contains("seeds: 0,1 → 0,1,2", seeds.Error);
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case07_08_merge_refuses_a_folder_of_another_comparison_or_foreign_outputs_and_conflicting_duplicates()
    {
        using var folder = new TempFolder();
        RunTwoShards(folder.Path);
        var other = PreluCli.Run(folder.Path, "compare", "--epochs", "1", "--seeds", "2", "--activations", "relu,leaky", "--threads", "1", "--out", "other");
        Assert.True(other.ExitCode == 0, other.Error);
        var otherSummary = File.ReadAllText(folder.Combine("other", "summary.csv"));

        // Case 7: a finished comparison of the same settings but other activations, another tool's report, a foreign contrasts.csv.
        var into = PreluCli.Run(folder.Path, "compare", "--merge", "a", "b", "--out", "other");
        Assert.Equal(2, into.ExitCode);
        Assert.Contains("activations:", into.Error);
        Assert.Equal(otherSummary, File.ReadAllText(folder.Combine("other", "summary.csv")));
        foreach (var foreign in new[] { "report.html", "contrasts.csv" })
        {
            var target = folder.Combine($"foreign-{foreign}");
            Directory.CreateDirectory(target);
            File.WriteAllText(Path.Combine(target, foreign), "mine");
            var (code, _, error) = PreluCli.Run(folder.Path, "compare", "--merge", "a", "b", "--out", target);
            Assert.Equal(2, code);
            Assert.Contains(foreign, error);
            Assert.Equal("mine", File.ReadAllText(Path.Combine(target, foreign)));
            Assert.Equal([Path.Combine(target, foreign)], Directory.GetFileSystemEntries(target));
        }

        // Case 8: the same run in both shards, identical: kept once; different: refused in either order, naming both files.
        var run = Directory.GetFiles(folder.Combine("a", "runs"), "*.json")[0];
        var copy = folder.Combine("b", "runs", Path.GetFileName(run));
        File.Copy(run, copy);
        var same = PreluCli.Run(folder.Path, "compare", "--merge", "a", "b", "--out", "merged-same");
        Assert.True(same.ExitCode == 0, same.Error);
        Assert.Equal(4, Directory.GetFiles(folder.Combine("merged-same", "runs")).Length);

        File.WriteAllText(copy, Edit(File.ReadAllText(copy), r => r["Epochs"]![1]!["TestAccuracy"] = 0.42));
        foreach (var order in new[] { new[] { "a", "b" }, ["b", "a"] })
        {
            var (code, _, error) = PreluCli.Run(folder.Path, ["compare", "--merge", .. order, "--out", $"merged-{order[0]}"]);
            Assert.Equal(1, code);
            Assert.Contains(run, error);
            Assert.Contains(copy, error);
            Assert.False(Directory.Exists(folder.Combine($"merged-{order[0]}")));
        }
    }

    [Fact]
    public void Case16_19_a_refused_or_failed_command_leaves_the_folder_as_it_found_it()
    {
        using var folder = new TempFolder();
        // A merge of a folder that is not a results folder: no runs/ in it, no --out made.
        Directory.CreateDirectory(folder.Combine("notes"));
        File.WriteAllText(folder.Combine("notes", "a.txt"), "x");
        var merge = PreluCli.Run(folder.Path, "compare", "--merge", "notes", "--out", "m");
        Assert.Equal(2, merge.ExitCode);
        Assert.Equal([folder.Combine("notes", "a.txt")], Directory.GetFileSystemEntries(folder.Combine("notes")));
        Assert.False(Directory.Exists(folder.Combine("m")));

        // A refused compare into a folder with another tool's report: no lock, no runs/, no manifest left.
        Directory.CreateDirectory(folder.Combine("theirs"));
        File.WriteAllText(folder.Combine("theirs", "report.html"), "mine");
        Assert.Equal(2, PreluCli.Run(folder.Path, [.. Tiny, "--out", "theirs"]).ExitCode);
        Assert.Equal([folder.Combine("theirs", "report.html")], Directory.GetFileSystemEntries(folder.Combine("theirs")));

        // A compare that fails before its first run (bad data): no folder left.
        TinyIdxSet.Write(folder.Combine("empty"), trainCount: 20, testCount: 0);
        Assert.Equal(1, PreluCli.Run(folder.Path, [.. Tiny, "--data", "empty", "--out", "failed"]).ExitCode);
        Assert.False(Directory.Exists(folder.Combine("failed")));
    }

    [RootFact]
    public void Case14_a_full_disk_is_a_run_failure_exit_1_for_every_command_and_leaves_no_temp_file()
    {
        using var folder = new TempFolder();
        var disk = Directory.CreateDirectory(folder.Combine("full")).FullName;
        Shell(folder.Path, $"mount -t tmpfs -o size=1m prelukit-full '{disk}'"); // a page with plotly.js inlined is 4 MB
        try
        {
            foreach (var arguments in new[] { new[] { "plot", "activations", "--out", "full/family.html" }, [.. Tiny, "--out", "full/out"] })
            {
                var (code, _, error) = PreluCli.Run(folder.Path, arguments);
                Assert.True(code == 1, $"{string.Join(' ', arguments)}: exit {code}: {error}");
                Assert.Contains("No space left on device", Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
                Assert.DoesNotContain(Directory.GetFiles(disk, "*", SearchOption.AllDirectories), f => f.EndsWith(".tmp", StringComparison.Ordinal));
            }

            Assert.False(File.Exists(Path.Combine(disk, "family.html")));
            Assert.False(File.Exists(Path.Combine(disk, "out", "report.html")));
        }
        finally
        {
            Shell(folder.Path, $"umount '{disk}'");
        }
    }

    [Fact]
    public void Case19_temp_files_a_killed_page_writer_left_are_removed_when_a_page_is_written_there_again()
    {
        using var folder = new TempFolder();
        // What a plot killed mid-write leaves: .NAME.PID.GUID.tmp with a PID that no longer runs; a live one's is kept.
        var stale = folder.Combine($".family.html.{int.MaxValue - 1}.{Guid.NewGuid():N}.tmp");
        var live = folder.Combine($".family.html.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(stale, "half a page");
        File.WriteAllText(live, "being written");

        var (code, _, error) = PreluCli.Run(folder.Path, "plot", "activations", "--out", "family.html");

        Assert.True(code == 0, error);
        Assert.False(File.Exists(stale), "the dead writer's temp file is still there");
        Assert.True(File.Exists(live), "a running writer's temp file was removed");
        Assert.Equal([Path.GetFileName(live), "family.html"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public async Task Case16_a_compare_cancelled_in_its_first_run_leaves_no_manifest_and_the_corrected_rerun_is_accepted()
    {
        using var folder = new TempFolder();
        var start = PreluCli.StartInfo(folder.Path, "compare", "--epochs", "50", "--seeds", "3", "--out", "out");
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(5)); // into the first run
        Shell(folder.Path, $"kill -INT {process.Id}");
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            await process.WaitForExitAsync(timeout.Token);
        }

        var (printed, complained) = (await output, await error);
        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {printed} {complained}");
        Assert.Contains("cancelled", printed + complained);
        Assert.False(File.Exists(folder.Combine("out", "comparison.json")));

        var rerun = PreluCli.Run(folder.Path, [.. Tiny, "--out", "out"]);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
    }

    /// <summary>{T} is a temp folder, {F} a file in it, {E} an empty folder in it; each case runs from the repository root.</summary>
    [Theory]
    [InlineData("plot activations --from -1e308 --to 1e308", "--from/--to", "between -1000000 and 1000000")] // case 12
    [InlineData("plot boundaries --out /nonexistent/dir/pb.html", "--out", "does not exist")] // case 17
    [InlineData("dead --out /nonexistent/dir/d.html", "--out", "does not exist")]
    [InlineData("born-dead --out /nonexistent/dir/b.html", "--out", "does not exist")]
    [InlineData("data subset --from {T} --out {F}/sub", "--out", "not a writable folder")] // case 14: one code for an unwritable --out
    [InlineData("notebooks render --out {F}/sub", "--out", "not a writable folder")]
    [InlineData("notebooks render --from /nonexistent", "--from", "does not exist")]
    [InlineData("notebooks render --from {F}", "--from", "is a file")]
    [InlineData("data subset --from /nonexistent", "--from", "does not exist")]
    [InlineData("born-dead --widths 2,2", "--widths", "listed twice")] // case 18
    [InlineData("notebooks render --from {E}", "--from", "holds no .ipynb")]
    [InlineData("compare --seeds 99999999999", "--seeds", "out of range")]
    [InlineData("compare --resume yes", "SHARDS", "--resume takes no value")]
    public void Case12_14_17_18_bad_values_exit_2_at_once_with_one_line_naming_the_option(string arguments, string option, string expected)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.Combine("file"), "x");
        Directory.CreateDirectory(folder.Combine("empty"));
        var args = arguments.Replace("{T}", folder.Path, StringComparison.Ordinal).Replace("{F}", folder.Combine("file"), StringComparison.Ordinal)
            .Replace("{E}", folder.Combine("empty"), StringComparison.Ordinal).Split(' ');
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var (code, output, error) = PreluCli.Run(RepositoryRoot.Combine(), args);
        Assert.True(code == 2, $"exit {code}: {output} {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {option}", line, StringComparison.Ordinal);
        Assert.Contains(expected, line);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 20); // refused before any training
        Assert.Equal(["empty", "file"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Case14_dead_exits_1_when_training_diverges_as_compare_does()
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.Run(folder.Path, "dead", "--epochs", "1", "--lr", "1e12");
        Assert.True(code == 1, $"exit {code}: {output} {error}");
        Assert.Contains("NaN or infinite", output);
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Case13_runs_record_their_host_and_times_are_not_compared_across_machines()
    {
        using var folder = new TempFolder();
        RunTwoShards(folder.Path);
        var host = JsonNode.Parse(File.ReadAllText(Directory.GetFiles(folder.Combine("a", "runs"))[0]))!["Host"]!;
        Assert.Equal(Environment.MachineName, (string?)host["Name"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)host["Cpu"]));

        var same = PreluCli.Run(folder.Path, "compare", "--merge", "a", "b", "--out", "same");
        Assert.True(same.ExitCode == 0, same.Error);
        Assert.DoesNotContain("not compared", File.ReadAllText(folder.Combine("same", "contrasts.csv")));

        // Shard 2 (every PReLU run) timed elsewhere: every pair crosses machines, so the time verdict is withheld; accuracy still compares.
        foreach (var file in Directory.GetFiles(folder.Combine("b", "runs")))
        {
            File.WriteAllText(file, Edit(File.ReadAllText(file), r => r["Host"]!["Name"] = "another-host"));
        }

        var merged = PreluCli.Run(folder.Path, "compare", "--merge", "a", "b", "--out", "merged");
        Assert.True(merged.ExitCode == 0, merged.Error);
        var contrasts = File.ReadAllText(folder.Combine("merged", "contrasts.csv"));
        Assert.Contains("not compared: timed on different machines", contrasts);
        Assert.Contains("not compared: timed on different machines", merged.Output);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\", \"sou", "not a Jupyter notebook")]
    [InlineData("{}", "no \"cells\" list")]
    [InlineData("{\"cells\": [{\"cell_type\": \"code\"}]}", "cell 1 lacks")]
    public void Case04_a_truncated_empty_or_shapeless_notebook_is_refused_naming_it(string content, string expected)
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("nb"));
        File.WriteAllText(folder.Combine("nb", "bad.ipynb"), content);
        var (code, output, error) = PreluCli.Run(RepositoryRoot.Combine(), "notebooks", "render", "--from", folder.Combine("nb"), "--out", folder.Combine("out"));
        Assert.True(code == 1, $"exit {code}: {output} {error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(folder.Combine("nb", "bad.ipynb"), line);
        Assert.Contains(expected, line);
        Assert.False(Directory.Exists(folder.Combine("out")));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public async Task Case11_merge_holds_the_folder_lock_until_its_report_is_written()
    {
        using var folder = new TempFolder();
        RunTwoShards(folder.Path);

        using var merge = System.Diagnostics.Process.Start(PreluCli.StartInfo(folder.Path, "compare", "--merge", "a", "b", "--out", "m"))!;
        var output = merge.StandardOutput.ReadToEndAsync();
        var error = merge.StandardError.ReadToEndAsync();
        // Between the summary and the report (the born-dead grid is computed there) the lock's owner file must stand:
        // a --resume arriving then is refused instead of rewriting one of the two.
        var (summary, report, owner) = (folder.Combine("m", "summary.csv"), folder.Combine("m", "report.html"), folder.Combine("m", ".prelu.lock.owner"));
        var windows = 0;
        while (!merge.HasExited)
        {
            if (File.Exists(summary) && !File.Exists(report))
            {
                var held = File.Exists(owner);
                if (!File.Exists(report))
                {
                    windows++;
                    Assert.True(held, "the summary is written and the report not yet, but the folder is not locked");
                }
            }

            await Task.Delay(5);
        }

        Assert.True(merge.ExitCode == 0, await error);
        _ = await output;
        Assert.True(windows > 0, "the merge wrote summary and report too fast to observe the window between them");
        Assert.False(File.Exists(owner));
        Assert.False(File.Exists(folder.Combine("m", ".prelu.lock")));
    }

    private static string Edit(string json, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(json)!;
        edit(node);
        return node.ToJsonString();
    }

    internal static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>The tiny comparison on one thread, as shard 1/2 into a/ and shard 2/2 into b/.</summary>
    private static void RunTwoShards(string folder)
    {
        foreach (var (shard, output) in new[] { ("1/2", "a"), ("2/2", "b") })
        {
            var (code, _, error) = PreluCli.Run(folder, [.. Tiny, "--threads", "1", "--shard", shard, "--out", output]);
            Assert.True(code == 0, $"shard {shard}: exit {code}: {error}");
        }
    }

    internal static void Shell(string folder, string command)
    {
        var (code, _, error) = ChildProcess.Run(ChildProcess.StartInfo("sh", folder, ["-c", command]), TimeSpan.FromSeconds(30));
        Assert.True(code == 0, error);
    }
}
