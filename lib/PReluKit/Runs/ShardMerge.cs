using PReluKit.Training;

namespace PReluKit.Runs;

/// <summary>
/// Brings the shards of one comparison (<see cref="Shard"/>; each in its own results folder, possibly from other machines)
/// together into one results folder, checking that they are the same comparison and that together they hold every run.
/// </summary>
public static class ShardMerge
{
    /// <summary>Copies the runs of <paramref name="shardFolders"/> into <paramref name="target"/> and writes its manifest.</summary>
    /// <returns>
    /// The manifest written, the comparison's runs in <see cref="ComparisonConfig.Runs"/> order, and a line for each run that two
    /// shards hold with the same result but other timings (a shard rerun): which file was kept.
    /// </returns>
    /// <exception cref="ResultsFolderException">A folder is missing or is not a results folder, the shards are of different comparisons,
    /// a run is missing, or <paramref name="target"/> holds another comparison; the message names the folder and what differs.</exception>
    public static (ComparisonManifest Manifest, IReadOnlyList<RunResult> Runs, IReadOnlyList<string> TimedTwice) Into(IReadOnlyList<string> shardFolders, ResultsFolder target, string command)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        ArgumentNullException.ThrowIfNull(target);
        var names = target.Names;
        if (shardFolders.Count == 0)
        {
            throw new ResultsFolderException(FolderInput.Shards, names, "give at least one shard folder to merge.");
        }

        var shards = shardFolders.Select(f => Open(f, names)).ToList();
        var (first, firstFolder) = (shards[0].Manifest, shards[0].Store.Folder);
        foreach (var (store, manifest) in shards.Skip(1))
        {
            var differences = first.DifferencesFrom(manifest.Config, manifest.Identity);
            if (differences.Count > 0)
            {
                throw new ResultsFolderException(FolderInput.Shards, names,
                    $"'{store.Folder}' is another comparison than '{firstFolder}' ({string.Join("; ", differences)}).");
            }
        }

        var timedTwice = new List<string>();
        var (runs, missing) = first.Collect(shards.SelectMany(s => s.Store.LoadFiles()), timedTwice.Add);
        if (missing.Count > 0)
        {
            throw new ResultsFolderException(FolderInput.Shards, names,
                $"{first.MissingMessage(missing, "the shards")}; did every shard finish? Rerun the missing shard with {names.Resume}, then merge again.");
        }

        // The target's lock is held from this check until the caller has written the summary and report.
        target.CheckCanHold(first.Config, first.Identity, resume: true, differing: FolderInput.Folder);
        foreach (var run in runs)
        {
            target.Store.Save(run);
        }

        var merged = first with { Command = command, Started = DateTimeOffset.Now };
        target.Begin(merged);
        return (merged, runs, timedTwice);
    }

    private static (RunStore Store, ComparisonManifest Manifest) Open(string folder, FolderInputNames names)
    {
        if (!Directory.Exists(folder))
        {
            throw new ResultsFolderException(FolderInput.Shards, names, $"'{folder}' is not a folder.");
        }

        var store = new RunStore(folder);
        return (store, store.ReadManifest()
                       ?? throw new ResultsFolderException(FolderInput.Shards, names,
                           $"'{folder}' has no {ComparisonManifest.FileName}: not a folder that a comparison wrote."));
    }
}
