namespace PReluKit.Training;

/// <summary>
/// Brings the shards of one comparison (<see cref="Shard"/>; each in its own results folder, possibly from other machines)
/// together into one results folder, checking that they are the same comparison and that together they hold every run.
/// </summary>
public static class ShardMerge
{
    /// <summary>Copies the runs of <paramref name="shardFolders"/> into <paramref name="target"/> and writes its manifest.</summary>
    /// <returns>The manifest written and the comparison's runs, in <see cref="ComparisonConfig.Runs"/> order.</returns>
    /// <exception cref="ArgumentException">A folder is missing or is not a results folder, the shards are of different comparisons,
    /// a run is missing, or <paramref name="target"/> holds another comparison; the message names the folder and what differs.</exception>
    public static (ComparisonManifest Manifest, IReadOnlyList<RunResult> Runs) Into(IReadOnlyList<string> shardFolders, RunStore target, string command)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        ArgumentNullException.ThrowIfNull(target);
        if (shardFolders.Count == 0)
        {
            throw new ArgumentException("--merge: give the shard folders to merge, e.g. prelu compare --merge results/shard-* --out results/merged.");
        }

        var shards = shardFolders.Select(Open).ToList();
        var (first, firstFolder) = (shards[0].Manifest, shards[0].Store.Folder);
        foreach (var (store, manifest) in shards.Skip(1))
        {
            var differences = first.Identity.DifferencesFrom(manifest.Identity);
            if (differences.Count > 0 || !manifest.Config.Activations.SequenceEqual(first.Config.Activations) || !manifest.Config.Seeds.SequenceEqual(first.Config.Seeds))
            {
                var what = differences.Count > 0 ? string.Join("; ", differences) : "the activations or seeds differ";
                throw new ArgumentException($"--merge: '{store.Folder}' is another comparison than '{firstFolder}' ({what}).");
            }
        }

        if (target.ReadManifest() is { } existing && existing.Identity.DifferencesFrom(first.Identity) is { Count: > 0 } clash)
        {
            throw new ArgumentException($"--out: '{target.Folder}' holds another comparison ({string.Join("; ", clash)}); choose another --out.");
        }

        var found = shards.SelectMany(s => s.Store.LoadAll()).Where(r => r.Identity?.Comparison == first.Identity)
            .GroupBy(r => r.Identity!).ToDictionary(g => g.Key, g => g.First());
        var expected = first.Config.Runs().Select(r => new RunIdentity(first.Identity, r.Config, r.Seed)).ToList();
        var missing = expected.Where(r => !found.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"--merge: {missing.Count} of {expected.Count} runs are in none of the shards (first: {missing[0].Config.Activation.DisplayName}, " +
                $"seed {missing[0].Seed}); did every shard finish? Rerun the missing shard with --resume, then merge again.");
        }

        var runs = expected.Select(r => found[r]).ToList();
        using var writer = target.Lock(command);
        foreach (var run in runs)
        {
            target.Save(run);
        }

        var merged = first with { Command = command, Started = DateTimeOffset.Now };
        target.WriteManifest(merged);
        return (merged, runs);
    }

    private static (RunStore Store, ComparisonManifest Manifest) Open(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ArgumentException($"--merge: '{folder}' is not a folder.");
        }

        var store = new RunStore(folder);
        return (store, store.ReadManifest()
                       ?? throw new ArgumentException($"--merge: '{folder}' has no {ComparisonManifest.FileName}: not a folder that prelu compare wrote."));
    }
}
