using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PReluKit.IO;

namespace PReluKit.Training;

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

    /// <summary>Opens (and creates) the results folder, and removes temp files that killed processes left in it.</summary>
    /// <exception cref="IOException">The folder cannot be created or written.</exception>
    public RunStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(RunsFolder);
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
    /// <exception cref="InvalidDataException">The file exists but is unreadable or holds another run.</exception>
    public RunResult? TryLoad(RunIdentity identity)
    {
        var path = PathFor(identity);
        if (!File.Exists(path))
        {
            return null;
        }

        var run = Read(path);
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
        AtomicFile.WriteAllText(PathFor(identity), JsonSerializer.Serialize(run, KitJson.Default.RunResult));
    }

    /// <summary>Every run in the folder, whatever its comparison, ordered by file name.</summary>
    public IReadOnlyList<RunResult> LoadAll() =>
        [.. Directory.EnumerateFiles(RunsFolder, "*.json").Order(StringComparer.Ordinal).Select(Read)];

    /// <summary>Takes the folder's writer lock (<see cref="FolderLock"/>) for <paramref name="purpose"/>.</summary>
    /// <exception cref="IOException">Another process is writing into the folder.</exception>
    public FolderLock Lock(string purpose) => FolderLock.Acquire(Folder, purpose);

    /// <summary>The folder's <c>comparison.json</c>, or null when it has none.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid manifest.</exception>
    public ComparisonManifest? ReadManifest()
    {
        var path = Path.Combine(Folder, ComparisonManifest.FileName);
        return File.Exists(path) ? Deserialize(path, KitJson.Default.ComparisonManifest) : null;
    }

    /// <summary>Writes <c>comparison.json</c> atomically.</summary>
    public void WriteManifest(ComparisonManifest manifest) =>
        AtomicFile.WriteAllText(Path.Combine(Folder, ComparisonManifest.FileName), JsonSerializer.Serialize(manifest, KitJson.Default.ComparisonManifest));

    private static RunResult Read(string path) => Deserialize(path, KitJson.Default.RunResult);

    private static T Deserialize<T>(string path, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), type)
                   ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid {typeof(T).Name} file: {e.Message}", e);
        }
    }
}
