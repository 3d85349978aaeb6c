using PReluKit.Data;
using PReluKit.Metrics;

namespace PReluKit.Notebooks;

/// <summary>
/// How big every experiment in the notebooks is: <c>quick</c> for CI, <c>standard</c> for a laptop, <c>full</c> for the full
/// Fashion-MNIST set. How long each takes is measured, not written here: notebooks/measured-times.json.
/// </summary>
/// <param name="Name">quick, standard or full.</param>
/// <param name="Data">subset or full.</param>
/// <param name="TrainSamples">Training images used (null: all of the chosen set).</param>
/// <param name="TestSamples">Test images used (null: all).</param>
/// <param name="Seeds">Seeds per activation in comparisons.</param>
/// <param name="MlpEpochs">Epochs of MLP runs.</param>
/// <param name="CnnEpochs">Epochs of CNN runs.</param>
/// <param name="BornDead">The born-dead Monte Carlo grid.</param>
/// <param name="BenchmarkRepeats">Repetitions of timing measurements.</param>
public sealed record RunProfile(string Name, string Data, int? TrainSamples, int? TestSamples, int Seeds, int MlpEpochs, int CnnEpochs,
                                BornDeadGrid BornDead, int BenchmarkRepeats)
{
    /// <summary>The environment variable that moves the notebooks' results folder (default <c>../results</c>).</summary>
    public const string ResultsVariable = "PRELUKIT_RESULTS";

    /// <summary>The environment variable that picks the profile.</summary>
    public const string EnvironmentVariable = "PRELUKIT_PROFILE";

    /// <summary>For CI: small slices, two seeds, few epochs.</summary>
    public static RunProfile Quick { get; } = new("quick", "subset", 2_000, 500, 2, 2, 1, new BornDeadGrid([2, 4], [2, 10, 30], 200), 5);

    /// <summary>
    /// For a laptop: a third of the shipped subset's training images, all its test images, five seeds (few, but enough for
    /// t intervals), few epochs — sized so that all the notebooks render within minutes.
    /// </summary>
    public static RunProfile Standard { get; } = new("standard", "subset", 4_000, null, 5, 5, 2,
                                                    BornDeadGrid.Default, 5);

    /// <summary>The full data set.</summary>
    public static RunProfile Full { get; } = new("full", "full", null, null, 5, 12, 5, BornDeadGrid.Default with { Trials = 2_000 }, 7);

    /// <summary>"4,000 training images of the shipped subset, 5 seeds, 5 MLP and 2 CNN epochs".</summary>
    public string Sizes =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{(TrainSamples is { } n ? $"{n:N0} training images of the" : "all of the")} {(Data == "subset" ? "shipped subset" : "full Fashion-MNIST")}, " +
            $"{Seeds} seeds, {MlpEpochs} MLP and {CnnEpochs} CNN epoch{(CnnEpochs == 1 ? "" : "s")}");

    /// <summary>The profiles' names, smallest first.</summary>
    public static IReadOnlyList<string> Names { get; } = [Quick.Name, Standard.Name, Full.Name];

    /// <summary>Where a notebook keeps its runs: <c>results/NAME-PROFILE</c> beside the notebooks, or under <see cref="ResultsVariable"/>.</summary>
    public string ResultsFolder(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable(ResultsVariable) is { Length: > 0 } root ? root : Path.Combine("..", "results"), $"{name}-{Name}");

    /// <summary>What a verdict must say about the profile's size: a warning for the quick smoke-test profile, empty otherwise.</summary>
    public string Caveat => Name == "quick" ? " (quick profile: a smoke test far too small to judge — rerun with PRELUKIT_PROFILE=standard)" : "";

    /// <summary>The profile named by <see cref="EnvironmentVariable"/>, <c>standard</c> when unset.</summary>
    /// <exception cref="ArgumentException">An unknown name; the message lists the valid ones.</exception>
    public static RunProfile FromEnvironment() => Named(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>quick, standard or full (case-insensitive; null or empty gives standard).</summary>
    public static RunProfile Named(string? name) => (name ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "standard" => Standard,
        "quick" => Quick,
        "full" => Full,
        _ => throw new ArgumentException($"{EnvironmentVariable}: '{name}' is not one of: quick, standard, full.", nameof(name)),
    };

    /// <summary>The profile's training and test tensors, shaped for <paramref name="layout"/>.</summary>
    public (LabeledTensors Train, LabeledTensors Test, ImageDataset Dataset) Load(ImageLayout layout)
    {
        var dataset = FashionMnist.Load(Data);
        var train = dataset.TrainTensors(layout);
        var test = dataset.TestTensors(layout);
        return (Slice(train, TrainSamples), Slice(test, TestSamples), dataset);
    }

    private static LabeledTensors Slice(LabeledTensors data, int? count)
    {
        if (count is not { } n || n >= data.Count)
        {
            return data;
        }

        // The subset files are stratified and in original order, so a leading slice keeps every class.
        using (data)
        {
            return data.First(n);
        }
    }
}
