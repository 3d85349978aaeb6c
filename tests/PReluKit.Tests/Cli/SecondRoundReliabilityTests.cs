using System.Text.Json.Nodes;
using PReluKit.IO;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Cli;

/// <summary>Issue 20's cases: what still crashed, overwrote or mixed after the first round; each through the real process where it is a CLI case.</summary>
public class SecondRoundReliabilityTests
{
    private static readonly string[] Tiny = ["compare", "--epochs", "1", "--seeds", "2", "--activations", "relu,prelu"];

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

    internal static void Shell(string folder, string command)
    {
        var (code, _, error) = ChildProcess.Run(ChildProcess.StartInfo("sh", folder, ["-c", command]), TimeSpan.FromSeconds(30));
        Assert.True(code == 0, error);
    }
}
