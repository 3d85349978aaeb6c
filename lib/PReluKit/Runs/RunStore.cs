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

    /// <summary>Writes <c>comparison.json</c> atomically.</summary>
    public void WriteManifest(ComparisonManifest manifest) =>
        AtomicFile.WriteAllText(Path.Combine(Folder, ComparisonManifest.FileName), JsonSerializer.Serialize(manifest, KitJson.Default.ComparisonManifest));
}
