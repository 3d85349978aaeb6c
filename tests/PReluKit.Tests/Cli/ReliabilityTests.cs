using System.Diagnostics;
using System.Text.Json.Nodes;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Cli;

/// <summary>What a careless user or a crash does to <c>prelu</c>: every case gets one clear line and its exit code, and nothing is lost or mixed.</summary>
public class ReliabilityTests
{
    private static readonly string[] Tiny = PreluCli.TinyComparison;

    [Fact]
    public void Resuming_on_other_data_is_refused_and_names_the_data()
    {
        using var folder = new TempFolder();
        TinyIdxSet.Write(folder.Combine("a"), trainCount: 40, testCount: 10);
        TinyIdxSet.Write(folder.Combine("b"), trainCount: 40, testCount: 10, labelShift: 3);
        var first = PreluCli.Run(folder.Path, ["compare", "--epochs", "1", "--seeds", "2", "--activations", "relu,prelu:0.1", "--data", "a", "--out", "out"]);
        // Noise learns nothing: every run may end at chance, failed by the one rule (exit 1); the summary is written all the same.
        Assert.True(first.ExitCode is 0 or 1, first.Error);
        var summary = File.ReadAllText(folder.Combine("out", "summary.csv"));
        Assert.Contains("PReLU (channel-wise, α₀ = 0.1)", summary); // UTF-8 CSV

        var (code, _, error) = PreluCli.Run(folder.Path, [.. Tiny, "--data", "b", "--out", "out", "--resume"]);
        Assert.Equal(2, code);
        Assert.Contains("--resume", error);
        Assert.Contains("data:", error);
        Assert.Equal(summary, File.ReadAllText(folder.Combine("out", "summary.csv")));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Resuming_with_another_model_is_refused_and_the_earlier_summary_stays()
    {
        using var folder = new TempFolder();
        var first = PreluCli.Run(folder.Path, [.. Tiny, "--out", "out"]);
        Assert.True(first.ExitCode == 0, first.Error);
        var report = File.ReadAllText(folder.Combine("out", "report.html"));

        var (code, _, error) = PreluCli.Run(folder.Path, [.. Tiny, "--model", "cnn", "--out", "out", "--resume"]);
        Assert.Equal(2, code);
        Assert.Contains("Model", error);
        Assert.Equal(report, File.ReadAllText(folder.Combine("out", "report.html")));
    }

    [Fact]
    public void A_folder_with_a_report_but_no_comparison_json_is_not_overwritten()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("out"));
        File.WriteAllText(folder.Combine("out", "report.html"), "mine");
        var (code, _, error) = PreluCli.Run(folder.Path, [.. Tiny, "--out", "out", "--resume"]);
        Assert.Equal(2, code);
        Assert.Contains("report.html", error);
        Assert.Equal("mine", File.ReadAllText(folder.Combine("out", "report.html")));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Two_processes_into_one_folder_do_not_mix_one_waits_out_or_is_refused()
    {
        using var folder = new TempFolder();
        string[] common = ["compare", "--epochs", "2", "--seeds", "2", "--activations", "relu,prelu", "--out", "shared"];
        var a = Start(folder.Path, common);
        var b = Start(folder.Path, [.. common, "--lr", "0.01"]);
        var results = new[] { a, b }.Select(Finish).ToList();

        var winner = Assert.Single(results, r => r.Code == 0);
        var loser = Assert.Single(results, r => r.Code != 0);
        Assert.True(loser.Error.Contains("in use by another process", StringComparison.Ordinal) || loser.Error.Contains("already holds", StringComparison.Ordinal), loser.Error);
        var manifest = JsonNode.Parse(File.ReadAllText(folder.Combine("shared", "comparison.json")))!;
        var winnerLr = winner == results[0] ? 0.05 : 0.01;
        Assert.Equal(winnerLr, (double)manifest["Config"]!["Training"]!["LearningRate"]!);
        var runs = Directory.GetFiles(folder.Combine("shared", "runs"), "*.json");
        Assert.Equal(4, runs.Length);
        Assert.All(runs, r => Assert.Equal(winnerLr, (double)JsonNode.Parse(File.ReadAllText(r))!["Config"]!["LearningRate"]!));
    }

    [Fact]
    public void An_empty_test_set_and_test_images_of_another_size_fail_with_one_line()
    {
        using var folder = new TempFolder();
        TinyIdxSet.Write(folder.Combine("empty"), trainCount: 20, testCount: 0);
        TinyIdxSet.Write(folder.Combine("sizes"), trainCount: 20, testCount: 5, testSize: 3);

        var empty = PreluCli.Run(folder.Path, [.. Tiny, "--data", "empty", "--out", "o1"]);
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("holds no images", empty.Error);

        foreach (var arguments in new[] { (string[])[.. Tiny, "--data", "sizes", "--out", "o2"], ["data", "info", "--data", "sizes"] })
        {
            var (code, _, error) = PreluCli.Run(folder.Path, arguments);
            Assert.Equal(1, code);
            Assert.Contains("test images", error);
            Assert.Contains("3×3", error);
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    [Theory]
    [InlineData("compare --activations prelu:1e308", "--activations", "α₀ must be between 0 and 1")]
    [InlineData("compare --activations leaky:1e308", "--activations", "slope must be between 0 and 1")]
    [InlineData("compare --activations elu:1e308", "--activations", "α must be between 0 and 10")]
    [InlineData("compare --activations rrelu:1:1e308", "--activations", "upper must be between 0 and 1")]
    [InlineData("compare --activations leaky:-1", "--activations", "non-monotonic")]
    [InlineData("dead --activation prelu:1e308", "--activation", "α₀")]
    [InlineData("born-dead --activations prelu:1e308", "--activations", "α₀")]
    [InlineData("plot boundaries --activations prelu:1e308", "--activations", "α₀")]
    [InlineData("compare --seeds abc", "--seeds", "not an integer")]
    [InlineData("compare --lr=abc", "--lr", "not a number")]
    [InlineData("compare --model mlpx", "--model", "one of: mlp, cnn")]
    [InlineData("compare --weight-decay Infinity", "--weight-decay", "finite number")]
    [InlineData("compare --out", "--out", "give a value")]
    [InlineData("data info --data /no/such/folder", "--data", "does not exist")]
    [InlineData("data info --data /proc/version", "--data", "is a file")]
    public void Bad_values_exit_2_with_one_line_naming_the_option(string arguments, string option, string expected)
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.Run(folder.Path, arguments.Split(' '));
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {option}", line, StringComparison.Ordinal);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("at PReluKit", output + error);
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--data")]
    public void An_empty_path_is_named(string option)
    {
        using var folder = new TempFolder();
        var (code, _, error) = PreluCli.Run(folder.Path, [.. Tiny, option, ""]);
        Assert.Equal(2, code);
        Assert.StartsWith($"error: {option}: is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_where_an_idx_file_should_be_is_named_as_a_folder()
    {
        using var folder = new TempFolder();
        TinyIdxSet.Write(folder.Combine("d"), trainCount: 10);
        File.Delete(folder.Combine("d", "t10k-labels-idx1-ubyte.gz"));
        Directory.CreateDirectory(folder.Combine("d", "t10k-labels-idx1-ubyte.gz"));
        var (code, _, error) = PreluCli.Run(folder.Path, "data", "info", "--data", "d");
        Assert.Equal(1, code);
        Assert.Contains("is a folder", error);
    }

    public static TheoryData<string> Commands() =>
        new(["", "compare", "dead", "born-dead", "plot", "plot activations", "plot boundaries", "notebooks render", "notebooks export", "demo", "bench", "data info", "data subset"]);

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_prints_its_help(string command)
    {
        using var folder = new TempFolder();
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (code, output, error) = PreluCli.Run(folder.Path, [.. command.Split(' ', StringSplitOptions.RemoveEmptyEntries), flag]);
            Assert.True(code == 0, $"prelu {command} {flag}: exit {code}: {error}");
            Assert.Contains("USAGE", output);
            Assert.Empty(error);
        }
    }

    [Theory]
    [InlineData("born-dead --trials 1000000")]
    [InlineData("dead --epochs 100")]
    [InlineData("demo --steps 100000")]
    [InlineData("plot boundaries --epochs 10000")]
    [InlineData("bench")]
    [InlineData("compare --epochs 50 --seeds 3")]
    public void Ctrl_C_stops_every_command_with_a_message_and_exit_1(string arguments)
    {
        using var folder = new TempFolder();
        var process = Start(folder.Path, [.. arguments.Split(' '), .. arguments.StartsWith("compare", StringComparison.Ordinal) ? (string[])["--out", "out"] : []]);
        Thread.Sleep(TimeSpan.FromSeconds(4)); // past start-up, into the work
        using (var kill = Process.Start("kill", ["-INT", process.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
        {
            kill.WaitForExit();
        }

        var (code, output, error) = Finish(process);
        Assert.True(code == 1, $"exit {code}: {output} {error}");
        Assert.Contains("cancelled", output + error);
        Assert.DoesNotContain("at PReluKit", output + error);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Temp_files_a_killed_run_left_are_removed_when_the_folder_is_used_again()
    {
        using var folder = new TempFolder();
        var first = PreluCli.Run(folder.Path, [.. Tiny, "--out", "out"]);
        Assert.True(first.ExitCode == 0, first.Error);
        using var gone = Process.Start("true")!;
        gone.WaitForExit();
        var left = folder.Combine("out", "runs", $".mlp-relu-seed0.json.{gone.Id}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(left, "");

        var (code, _, error) = PreluCli.Run(folder.Path, [.. Tiny, "--out", "out", "--resume"]);
        Assert.True(code == 0, error);
        Assert.False(File.Exists(left));
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void Tables_honour_COLUMNS_and_keep_names_whole_when_output_is_not_a_terminal()
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.RunWith(new Dictionary<string, string> { ["COLUMNS"] = "100" }, folder.Path, [.. Tiny, "--out", "out"]);
        Assert.True(code == 0, error);
        var table = output.Split('\n').SkipWhile(l => !l.Contains('┌', StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("CSV", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(table);
        Assert.All(table, l => Assert.True(l.TrimEnd().Length <= 100, $"{l.Length}: {l}"));
        Assert.Contains(table, l => l.Contains("PReLU (channel-wise)", StringComparison.Ordinal));

        var wide = PreluCli.Run(folder.Path, [.. Tiny, "--out", "out2"]);
        Assert.Contains(wide.Output.Split('\n'), l => l.Contains("PReLU (channel-wise)", StringComparison.Ordinal) && l.Contains(" ± ", StringComparison.Ordinal)); // one row, one line
    }

    private static (Process Process, Task<string> Output, Task<string> Error) Start(string folder, string[] arguments)
    {
        var process = Process.Start(PreluCli.StartInfo(folder, arguments))!;
        return (process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    private static (int Code, string Output, string Error) Finish((Process Process, Task<string> Output, Task<string> Error) started)
    {
        using var process = started.Process;
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("prelu did not finish");
        }

        return (process.ExitCode, started.Output.Result, started.Error.Result);
    }
}
