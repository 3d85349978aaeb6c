using System.Globalization;
using PReluKit.Activations;
using PReluKit.Models;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Deploy;

/// <summary>
/// The recording scripts' grids, read through their <c>--dry-run</c> (the real script, which prints each sweep's
/// <c>prelu compare</c> options and submits nothing): the activations and the initialisation rule parse with the kit's
/// own parsers, and the grid is the one issue 31 asks for.
/// </summary>
public class RecordingScriptTests
{
    private static (string Output, string Error) DryRun(string script)
    {
        var (code, output, error) = ChildProcess.Run(ChildProcess.StartInfo("bash", RepositoryRoot.Path, [script, "--dry-run"]), TimeSpan.FromMinutes(1));
        Assert.True(code == 0, $"{script} --dry-run: exit {code}\n{error}");
        return (output, error);
    }

    /// <summary>The value after <paramref name="option"/> in a line of options.</summary>
    private static string Option(string options, string option)
    {
        var words = options.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(words, option);
        Assert.True(at >= 0 && at + 1 < words.Length, $"no {option} in: {options}");
        return words[at + 1];
    }

    private static void AssertControls(string options, params string[] activations)
    {
        Assert.Equal(activations.Select(ActivationSpec.Parse), Option(options, "--activations").Split(',').Select(ActivationSpec.Parse));
        Assert.Equal(InitGain.PerActivation, InitGains.Parse(Option(options, "--init")));
        Assert.Equal("full", Option(options, "--data"));
    }

    [Fact]
    public void The_depth_lr_map_has_its_controls_with_per_activation_gains_and_a_folder_of_its_own()
    {
        var (output, error) = DryRun("deploy/slurm/record-depth-lr.sh");
        var cells = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToList();

        int[] depths = [2, 4, 8, 12];
        double[] rates = [0.01, 0.03, 0.1, 0.3];
        Assert.Equal(depths.SelectMany(d => rates.Select(r => string.Create(CultureInfo.InvariantCulture, $"depth{d}-lr{r}"))), cells.Select(c => c[0]));
        foreach (var (name, options) in cells.Select(c => (c[0], c[1])))
        {
            // ReLU, Leaky 0.01 and PReLU 0.25 as in the first map; Leaky 0.25 (PReLU's start, fixed) and PReLU from 0.01 (Leaky's slope, learned).
            AssertControls(options, "relu", "leaky:0.01", "leaky:0.25", "prelu:0.25", "prelu:0.01");
            var depth = int.Parse(name[5..name.IndexOf('-', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
            Assert.Equal(Enumerable.Repeat("128", depth), Option(options, "--hidden").Split(','));
            Assert.Equal(name[(name.IndexOf("-lr", StringComparison.Ordinal) + 3)..], Option(options, "--lr"));
            Assert.Equal(("mlp", "5", "10", "10000"), (Option(options, "--model"), Option(options, "--seeds"), Option(options, "--epochs"), Option(options, "--dead-sample")));
        }

        Assert.Contains("data/recorded/depth-lr-controls", error); // the shipped map in data/recorded/depth-lr stays as it is
    }

    [Fact]
    public void The_controls_are_told_apart_in_tables_and_run_file_names()
    {
        var (output, _) = DryRun("deploy/slurm/record-depth-lr.sh");
        var specs = Option(output.Split('\n')[0], "--activations").Split(',').Select(ActivationSpec.Parse).ToList();

        Assert.Equal(
            ["ReLU", "Leaky ReLU (0.01)", "Leaky ReLU (0.25)", "PReLU (channel-wise)", "PReLU (channel-wise, α₀ = 0.01)"],
            specs.Select(s => s.DisplayName));
        // The canonical keys name the run files; PReLU from 0.25 keeps the key the shipped recordings use.
        Assert.Equal(["relu", "leaky:0.01", "leaky:0.25", "prelu:0.25", "prelu:0.01"], specs.Select(s => s.Canonical));
        Assert.Equal([0, 0.01, 0.25, 0.25, 0.01], specs.Select(s => s.InitSlope)); // the slope each one's He gain is for
    }

    [Fact]
    public void The_plain_cnn_recording_has_a_pilot_and_refuses_to_record_before_its_epochs_are_set()
    {
        var (output, error) = DryRun("deploy/slurm/record-plain-cnn.sh");
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToDictionary(l => l[0], l => l[1]);

        Assert.Equal(["pilot", "record"], lines.Keys);
        Assert.Equal(("plaincnn", "relu", "1", "20"),
                     (Option(lines["pilot"], "--model"), Option(lines["pilot"], "--activations"), Option(lines["pilot"], "--seeds"), Option(lines["pilot"], "--epochs")));
        AssertControls(lines["record"], "relu", "leaky:0.01", "prelu:0.25", "prelu:0.01");
        Assert.Equal(("plaincnn", "5"), (Option(lines["record"], "--model"), Option(lines["record"], "--seeds")));
        Assert.Contains("data/recorded/plaincnn-full", error);

        // Until the pilot's learning curve sets epochs=, recording stops before it starts anything.
        if (Option(lines["record"], "--epochs") == "EPOCHS")
        {
            var (code, _, refusal) = ChildProcess.Run(ChildProcess.StartInfo("bash", RepositoryRoot.Path, ["deploy/slurm/record-plain-cnn.sh"]), TimeSpan.FromMinutes(1));
            Assert.Equal(2, code);
            Assert.Contains("run --pilot first", refusal);
        }
        else
        {
            Assert.InRange(int.Parse(Option(lines["record"], "--epochs"), CultureInfo.InvariantCulture), 1, 100);
        }
    }
}
