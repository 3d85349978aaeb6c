using PReluKit.Models;
using PReluKit.Runs;
using PReluKit.Tests.Infrastructure;
using PReluKit.Training;

namespace PReluKit.Tests.Cli;

/// <summary><c>prelu compare --init</c> through the real process: the default stays the recorded rule, the other is a run of its own.</summary>
public class InitOptionTests
{
    private static readonly string[] Tiny = ["compare", "--epochs", "1", "--seeds", "1", "--activations", "relu,prelu:0.01"];

    /// <summary>Every run of the folder by file name, with its epochs as JSON without their times (which vary).</summary>
    private static Dictionary<string, string> Runs(string folder) =>
        Directory.GetFiles(Path.Combine(folder, "runs"), "*.json").ToDictionary(
            f => Path.GetFileName(f),
            f => string.Join('\n', StoredFiles.ReadRun(f).Epochs.Select(e =>
                System.Text.Json.JsonSerializer.Serialize(e with { Seconds = 0 }, KitJson.Default.EpochRecord))));

    [Fact]
    public void He_relu_is_the_default_and_he_per_activation_makes_runs_of_their_own()
    {
        using var folder = new TempFolder();
        foreach (var (name, extra) in new[] { ("default", Array.Empty<string>()), ("relu", ["--init", "he-relu"]), ("own", ["--init", "he-per-activation"]) })
        {
            var (code, _, error) = PreluCli.Run(folder.Path, [.. Tiny, .. extra, "--out", name]);
            Assert.True(code == 0, $"{name}: exit {code}: {error}");
        }

        // The same seed, the same runs: identical file names (so the same comparison key) and identical metrics.
        var byDefault = Runs(folder.Combine("default"));
        Assert.Equal(byDefault, Runs(folder.Combine("relu")));
        Assert.DoesNotContain(nameof(TrainingConfig.InitGain), File.ReadAllText(folder.Combine("default", ComparisonManifest.FileName)), StringComparison.Ordinal);

        var own = Runs(folder.Combine("own"));
        Assert.Empty(own.Keys.Intersect(byDefault.Keys));
        Assert.All(Directory.GetFiles(folder.Combine("own", "runs")), f => Assert.Equal(InitGain.PerActivation, StoredFiles.ReadRun(f).Config.InitGain));
        Assert.NotEqual(byDefault.Values.Order(), own.Values.Order()); // PReLU at α₀ = 0.01 started from smaller weights
    }

    [Fact]
    public void An_unknown_rule_exits_2_with_one_line_naming_the_option_and_the_rules()
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.Run(folder.Path, [.. Tiny, "--init", "xavier", "--out", "out"]);
        Assert.Equal(2, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--init", line);
        Assert.Contains("he-relu, he-per-activation", line);
        Assert.DoesNotContain("at PReluKit", output + error);
        Assert.False(Directory.Exists(folder.Combine("out")));
    }
}
