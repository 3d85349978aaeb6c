using System.Text.Json;
using PReluKit.IO;
using PReluKit.Training;

namespace PReluKit.Runs;

/// <summary>
/// A results folder: one JSON file per finished run under <c>runs/</c>, named by the run's identity
/// (<see cref="RunIdentity.FileName"/>) and written atomically. A rerun under the same identity finds its runs (resume);
/// a run under other settings or data gets another file beside them, so nothing is overwritten and nothing stale is
/// reused. Folders from several machines merge by copying their <c>runs/</c> files together.
/// </summary>
public sealed class RunStore
{
    /// <summary>The folder inside the results folder that holds the run files.</summary>
    public const string RunsFolderName = "runs";

    /// <summary>
    /// Opens the results folder without creating anything (a read leaves no trace; <see cref="Save"/> creates
    /// <c>runs/</c>), and removes temp files that killed processes left in it.
    /// </summary>
    public RunStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        StaleFiles.Remove(Folder);
        StaleFiles.Remove(RunsFolder);
    }

    /// <summary>The results folder.</summary>
    public string Folder { get; }

    /// <summary>Where run files live.</summary>
    public string RunsFolder => Path.Combine(Folder, RunsFolderName);

    /// <summary>The file of one run.</summary>
    public string PathFor(RunIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return Path.Combine(RunsFolder, identity.FileName);
    }

    /// <summary>The finished run with <paramref name="identity"/>, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The file exists but is unreadable, out of range or holds another run; the message names it.</exception>
    public RunResult? TryLoad(RunIdentity identity)
    {
        var path = PathFor(identity);
        if (!File.Exists(path))
        {
            return null;
        }

        var run = StoredFiles.ReadRun(path);
        return run.Identity == identity
            ? run
            : throw new InvalidDataException($"'{path}' holds a run of other settings than its name says; delete the file to rerun it.");
    }

    /// <summary>Writes a finished run atomically.</summary>
    /// <exception cref="ArgumentException">The run does not record its data and threads, so it has no identity.</exception>
    public void Save(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var identity = run.Identity
                       ?? throw new ArgumentException("RunStore: a stored run must record its data and threads (Comparison.Run does).", nameof(run));
        Directory.CreateDirectory(RunsFolder);
        AtomicFile.WriteAllText(PathFor(identity), JsonSerializer.Serialize(run, KitJson.Default.RunResult));
    }

    /// <summary>Every run in the folder, whatever its comparison, ordered by file name; each file is checked as it is read.</summary>
    /// <exception cref="InvalidDataException">A run file is unreadable, out of range or named for another run; the message names it.</exception>
    public IReadOnlyList<RunResult> LoadAll() => [.. LoadFiles().Select(f => f.Run)];

    /// <summary>As <see cref="LoadAll"/>, with each run's file.</summary>
    /// <exception cref="InvalidDataException">A run file is unreadable, out of range or named for another run; the message names it.</exception>
    public IReadOnlyList<(string Path, RunResult Run)> LoadFiles() =>
        Directory.Exists(RunsFolder)
            ? [.. Directory.EnumerateFiles(RunsFolder, "*.json").Order(StringComparer.Ordinal).Select(p => (p, StoredFiles.ReadRun(p)))]
            : [];

    /// <summary>Takes the folder's writer lock (<see cref="FolderLock"/>) for <paramref name="purpose"/>.</summary>
    /// <exception cref="IOException">Another process is writing into the folder.</exception>
    public FolderLock Lock(string purpose) => FolderLock.Acquire(Folder, purpose);

    /// <summary>The folder's <c>comparison.json</c>, or null when it has none.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid manifest; the message names it.</exception>
    public ComparisonManifest? ReadManifest()
    {
        var path = Path.Combine(Folder, ComparisonManifest.FileName);
        return File.Exists(path) ? StoredFiles.ReadManifest(path) : null;
    }

    /// <summary>
    /// Refuses to let a comparison of <paramref name="config"/> under <paramref name="identity"/> write into this folder
    /// unless the folder holds nothing of a comparison, or — when <paramref name="continuing"/> (resume, merge) — holds
    /// this very comparison. Outputs no manifest describes (another tool's report or CSVs) are never replaced.
    /// </summary>
    /// <param name="config">The activations, seeds and settings about to be written.</param>
    /// <param name="identity">Their identity.</param>
    /// <param name="continuing">Whether the command continues a comparison in the folder.</param>
    /// <param name="continueOption">The option that continues (<c>--resume</c>), named in the message when the comparison differs.</param>
    /// <exception cref="ArgumentException">The folder holds something else; the message names it and says what to do.</exception>
    public void CheckCanHold(ComparisonConfig config, ComparisonIdentity identity, bool continuing, string continueOption)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(identity);
        var manifest = ReadManifest();
        if (manifest is null)
        {
            var outputs = ComparisonFiles.Outputs.Where(f => File.Exists(Path.Combine(Folder, f))).ToList();
            if (outputs.Count > 0)
            {
                throw new ArgumentException(
                    $"--out: '{Folder}' holds {string.Join(", ", outputs)} that no {ComparisonManifest.FileName} describes (another tool or an " +
                    "older prelu made them); choose another --out or move them away.");
            }

            if (!continuing && Directory.Exists(RunsFolder) && Directory.EnumerateFiles(RunsFolder, "*.json").Any())
            {
                throw new ArgumentException(
                    $"--out: '{Folder}' already holds runs; pass --resume to reuse those made under these settings, or choose another --out.");
            }

            return;
        }

        if (!continuing)
        {
            throw new ArgumentException(
                $"--out: '{Folder}' already holds a comparison ({manifest.Command}, started {manifest.Started:yyyy-MM-dd HH:mm}); " +
                "pass --resume to continue it, or choose another --out.");
        }

        var differences = manifest.DifferencesFrom(config, identity);
        if (differences.Count > 0)
        {
            throw new ArgumentException(
                $"{continueOption}: '{Folder}' holds a comparison under other settings ({string.Join("; ", differences)}); continuing would " +
                "mix two comparisons in one folder. Choose another --out to keep both.");
        }
    }

    /// <summary>
    /// Puts back what a command that wrote nothing lasting leaves: the manifest it wrote (<paramref name="manifestExisted"/>
    /// false) when no run of that comparison was saved, and the <c>runs/</c> folder it created when it is empty. Call while
    /// holding the lock; finished runs and their manifest are kept, so a cancelled comparison can be resumed.
    /// </summary>
    public void RemoveUnused(bool manifestExisted, bool runsFolderExisted)
    {
        var manifestPath = Path.Combine(Folder, ComparisonManifest.FileName);
        if (!manifestExisted && File.Exists(manifestPath))
        {
            var key = StoredFiles.ReadManifest(manifestPath).Identity.Key;
            if (!Directory.Exists(RunsFolder) || !Directory.EnumerateFiles(RunsFolder, $"*-{key}.json").Any())
            {
                File.Delete(manifestPath);
            }
        }

        if (!runsFolderExisted && Directory.Exists(RunsFolder) && !Directory.EnumerateFileSystemEntries(RunsFolder).Any())
        {
            Directory.Delete(RunsFolder);
        }
    }

    /// <summary>Writes <c>comparison.json</c> atomically.</summary>
    public void WriteManifest(ComparisonManifest manifest) =>
        AtomicFile.WriteAllText(Path.Combine(Folder, ComparisonManifest.FileName), JsonSerializer.Serialize(manifest, KitJson.Default.ComparisonManifest));
}
