using PReluKit.IO;

namespace PReluKit.Runs;

/// <summary>
/// A comparison's results folder opened for writing, with its rules in one place: it must take new files (probed before
/// any work), one process writes at a time (the folder's lock, held until disposed), it holds one comparison (its
/// manifest) and never replaces outputs that another tool left there. A job that writes nothing lasting leaves the folder
/// as it found it: disposing removes the manifest it wrote with no run, an empty <c>runs/</c> and an empty folder it created.
/// </summary>
public sealed class ResultsFolder : IDisposable
{
    private readonly FolderLock _lock;
    private readonly bool _folderExisted;
    private readonly bool _manifestExisted;
    private readonly bool _runsFolderExisted;
    private bool _disposed;

    private ResultsFolder(RunStore store, FolderLock folderLock, FolderInputNames names, bool folderExisted)
    {
        Store = store;
        Names = names;
        _lock = folderLock;
        _folderExisted = folderExisted;
        _manifestExisted = File.Exists(Path.Combine(store.Folder, ComparisonManifest.FileName));
        _runsFolderExisted = Directory.Exists(store.RunsFolder);
    }

    /// <summary>The runs and the manifest.</summary>
    public RunStore Store { get; }

    /// <summary>The folder's full path.</summary>
    public string Folder => Store.Folder;

    /// <summary>What the caller calls its inputs, for the messages.</summary>
    public FolderInputNames Names { get; }

    /// <summary>Checks that <paramref name="path"/> takes new files and takes its lock for <paramref name="purpose"/> (e.g. the command line).</summary>
    /// <param name="path">The results folder; created when missing.</param>
    /// <param name="purpose">What writes, shown to a second process that finds the folder locked.</param>
    /// <param name="names">What the caller calls its inputs; <see cref="FolderInputNames.Plain"/> when null.</param>
    /// <exception cref="ResultsFolderException">The folder cannot be written.</exception>
    /// <exception cref="IOException">Another process is writing into the folder.</exception>
    public static ResultsFolder Open(string path, string purpose, FolderInputNames? names = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        names ??= FolderInputNames.Plain;
        if (OutputPath.FolderProblem(path) is { } problem)
        {
            throw new ResultsFolderException(FolderInput.Folder, names, problem + ".");
        }

        var folderExisted = Directory.Exists(path);
        var store = new RunStore(path);
        try
        {
            return new ResultsFolder(store, store.Lock(purpose), names, folderExisted);
        }
        catch
        {
            RemoveIfCreatedEmpty(store.Folder, folderExisted);
            throw;
        }
    }

    /// <summary>
    /// Refuses to let a comparison of <paramref name="config"/> under <paramref name="identity"/> write here unless the
    /// folder holds nothing of a comparison, or — when <paramref name="resume"/> (resume, merge) — holds this very
    /// comparison. Outputs no manifest describes (another tool's report or CSVs) are never replaced.
    /// </summary>
    /// <exception cref="ResultsFolderException">The folder holds something else; the message names it and says what to do.</exception>
    public void CheckCanHold(ComparisonConfig config, ComparisonIdentity identity, bool resume) =>
        CheckCanHold(config, identity, resume, FolderInput.Resume);

    /// <summary>As the public overload; <paramref name="differing"/> is the input blamed when the folder holds another comparison.</summary>
    internal void CheckCanHold(ComparisonConfig config, ComparisonIdentity identity, bool resume, FolderInput differing)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(identity);
        var (folder, resumeName) = (Names.Folder, Names.Resume);
        var manifest = Store.ReadManifest();
        if (manifest is null)
        {
            var outputs = ComparisonFiles.Outputs.Where(f => File.Exists(Path.Combine(Folder, f))).ToList();
            if (outputs.Count > 0)
            {
                throw new ResultsFolderException(FolderInput.Folder, Names,
                    $"'{Folder}' holds {string.Join(", ", outputs)} that no {ComparisonManifest.FileName} describes (another tool or an " +
                    $"older prelu made them); choose another {folder} or move them away.");
            }

            if (!resume && Directory.Exists(Store.RunsFolder) && Directory.EnumerateFiles(Store.RunsFolder, "*.json").Any())
            {
                throw new ResultsFolderException(FolderInput.Folder, Names,
                    $"'{Folder}' already holds runs; pass {resumeName} to reuse those made under these settings, or choose another {folder}.");
            }

            return;
        }

        if (!resume)
        {
            throw new ResultsFolderException(FolderInput.Folder, Names,
                $"'{Folder}' already holds a comparison ({manifest.Command}, started {manifest.Started:yyyy-MM-dd HH:mm}); " +
                $"pass {resumeName} to continue it, or choose another {folder}.");
        }

        var differences = manifest.DifferencesFrom(config, identity);
        if (differences.Count > 0)
        {
            throw new ResultsFolderException(differing, Names,
                $"'{Folder}' holds a comparison under other settings ({string.Join("; ", differences)}); continuing would " +
                $"mix two comparisons in one folder. Choose another {folder} to keep both.");
        }
    }

    /// <summary>Records the comparison the folder holds from now on (its <c>comparison.json</c>).</summary>
    public void Begin(ComparisonManifest manifest) => Store.WriteManifest(manifest);

    /// <summary>Puts back what a job that wrote nothing lasting changed, and releases the lock.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            RemoveUnused();
        }
        finally
        {
            _lock.Dispose();
            RemoveIfCreatedEmpty(Folder, _folderExisted);
        }
    }

    // Under the lock: the manifest this job wrote when no run of that comparison was saved, and a runs/ it created that
    // stayed empty. Finished runs and their manifest are kept, so a cancelled comparison can be resumed.
    private void RemoveUnused()
    {
        var manifestPath = Path.Combine(Folder, ComparisonManifest.FileName);
        if (!_manifestExisted && File.Exists(manifestPath))
        {
            var key = Store.ReadManifest()!.Identity.Key;
            if (!Directory.Exists(Store.RunsFolder) || !Directory.EnumerateFiles(Store.RunsFolder, $"*-{key}.json").Any())
            {
                File.Delete(manifestPath);
            }
        }

        if (!_runsFolderExisted && Directory.Exists(Store.RunsFolder) && !Directory.EnumerateFileSystemEntries(Store.RunsFolder).Any())
        {
            Directory.Delete(Store.RunsFolder);
        }
    }

    private static void RemoveIfCreatedEmpty(string folder, bool existed)
    {
        if (!existed && Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }
    }
}
