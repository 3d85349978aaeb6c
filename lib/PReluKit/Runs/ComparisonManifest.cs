using PReluKit.Training;

namespace PReluKit.Runs;

/// <summary>
/// <c>comparison.json</c> in a results folder: which comparison the folder's summary, CSVs and report belong to. Written
/// when a comparison starts, so a later run into the folder under other settings is refused rather than mixed in.
/// </summary>
/// <param name="Config">The activations, seeds and training settings.</param>
/// <param name="Identity">Settings, data, threads and numerics the runs share.</param>
/// <param name="Command">The command that made it.</param>
/// <param name="Started">When it started.</param>
public sealed record ComparisonManifest(ComparisonConfig Config, ComparisonIdentity Identity, string Command, DateTimeOffset Started)
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "comparison.json";

    /// <summary>
    /// How a comparison of <paramref name="config"/> under <paramref name="identity"/> differs from this one, as
    /// "name: this → other" lines: the identity's settings, data, threads and numerics, and the activations and seeds
    /// (they belong to a comparison too). Empty when it is the same comparison.
    /// </summary>
    public IReadOnlyList<string> DifferencesFrom(ComparisonConfig config, ComparisonIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(identity);
        var differences = Identity.DifferencesFrom(identity).ToList();
        if (!Config.Activations.SequenceEqual(config.Activations))
        {
            differences.Add($"activations: {string.Join(",", Config.Activations.Select(a => a.Canonical))} → {string.Join(",", config.Activations.Select(a => a.Canonical))}");
        }

        if (!Config.Seeds.SequenceEqual(config.Seeds))
        {
            differences.Add($"seeds: {string.Join(",", Config.Seeds)} → {string.Join(",", config.Seeds)}");
        }

        return differences;
    }

    /// <summary>
    /// The runs of this comparison among <paramref name="files"/>, in <see cref="ComparisonConfig.Runs"/> order, and the
    /// runs none of them holds. Runs of other comparisons are left out; the same run in two files is kept once when both
    /// hold the same result — equal in everything but timing (epoch seconds, host), as when a shard is rerun — and refused
    /// when they differ (every run exactly once, whatever order the files come in). The first file is kept;
    /// <paramref name="timedTwice"/> hears which, when the two were timed differently.
    /// </summary>
    /// <exception cref="InvalidDataException">Two files hold different results for one run; the message names both.</exception>
    public (IReadOnlyList<RunResult> Runs, IReadOnlyList<RunIdentity> Missing) Collect(IEnumerable<(string Path, RunResult Run)> files,
                                                                                       Action<string>? timedTwice = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        var found = new Dictionary<RunIdentity, (string Path, RunResult Run, string Json, string Result)>();
        foreach (var (path, run) in files.Where(f => f.Run.Identity?.Comparison == Identity))
        {
            var json = System.Text.Json.JsonSerializer.Serialize(run, KitJson.Default.RunResult);
            var result = System.Text.Json.JsonSerializer.Serialize(WithoutTiming(run), KitJson.Default.RunResult);
            if (found.TryGetValue(run.Identity!, out var first))
            {
                if (first.Result != result)
                {
                    throw new InvalidDataException(
                        $"'{first.Path}' and '{path}' hold different results for {run.Config.Activation.DisplayName}, seed {run.Seed}; keep the right one and remove the other.");
                }

                if (first.Json != json)
                {
                    timedTwice?.Invoke(
                        $"'{first.Path}' and '{path}' hold the same result for {run.Config.Activation.DisplayName}, seed {run.Seed}, timed twice; kept the first.");
                }

                continue;
            }

            found[run.Identity!] = (path, run, json, result);
        }

        var expected = Config.Runs().Select(r => new RunIdentity(Identity, r.Config, r.Seed)).ToList();
        return ([.. expected.Where(found.ContainsKey).Select(r => found[r].Run)], [.. expected.Where(r => !found.ContainsKey(r))]);
    }

    // What a run computed, without what only says how long it took and where: the same seed and settings give the same bits.
    private static RunResult WithoutTiming(RunResult run) =>
        run with { Epochs = [.. run.Epochs.Select(e => e with { Seconds = 0 })], Host = null };

    /// <summary>"3 of 40 runs are in none of WHERE (first: PReLU, seed 2)": the one message for an incomplete comparison.</summary>
    public string MissingMessage(IReadOnlyList<RunIdentity> missing, string where)
    {
        ArgumentNullException.ThrowIfNull(missing);
        return missing.Count == 0 ? "no run is missing"
            : $"{missing.Count} of {Config.Activations.Count * Config.Seeds.Count} runs are in none of {where} (first: {missing[0].Config.Activation.DisplayName}, seed {missing[0].Seed})";
    }
}
