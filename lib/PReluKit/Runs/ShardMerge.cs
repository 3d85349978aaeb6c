using PReluKit.Training;

namespace PReluKit.Runs;

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
            var differences = first.DifferencesFrom(manifest.Config, manifest.Identity);
            if (differences.Count > 0)
            {
                throw new ArgumentException($"--merge: '{store.Folder}' is another comparison than '{firstFolder}' ({string.Join("; ", differences)}).");
            }
        }

        var (runs, missing) = first.Collect(shards.SelectMany(s => s.Store.LoadFiles()));
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"--merge: {first.MissingMessage(missing, "the shards")}; did every shard finish? Rerun the missing shard with --resume, then merge again.");
        }

        // Re-entrant: the caller holds the lock on to write the summary and report (nothing may slip in between).
        using var writer = target.Lock(command);
        target.CheckCanHold(first.Config, first.Identity, continuing: true, "--out");
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
