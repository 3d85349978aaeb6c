using System.Text.Json;
using System.Text.Json.Nodes;

namespace PReluKit.IO;

/// <summary>
/// An output folder a command writes whole. It takes only a folder that is new, empty, or holds nothing but what the same
/// command wrote there before (listed in <see cref="ManifestName"/>), so a mistyped <c>--out</c> never replaces sources or
/// build files. One writer at a time (<see cref="FolderLock"/>). The command writes into <see cref="Staging"/>;
/// <see cref="Commit"/> moves that in and removes what the command wrote before and no longer does, so readers never find
/// two runs mixed. Disposed without a commit (a failure, Ctrl-C), the folder is left as it was found.
/// </summary>
/// <remarks>
/// A kill during <see cref="Commit"/> can leave old and new files side by side, but every one of them listed: the next
/// run accepts the folder and replaces them. A kill before it leaves only the staging folder, which the next run removes.
/// </remarks>
public sealed class OwnedFolder : IDisposable
{
    /// <summary>The list of what the command wrote, in the folder.</summary>
    public const string ManifestName = ".prelu-written.json";

    private const string StagingName = ".prelu-staging";

    private readonly string _command;
    private readonly bool _existed;
    private readonly bool _hadManifest;
    private readonly FolderLock _lock;
    private readonly string[] _reserved;
    private HashSet<string> _written;
    private bool _committed;

    private OwnedFolder(string path, string command, bool existed, bool hadManifest, HashSet<string> written, string[] reserved, FolderLock folderLock)
    {
        _reserved = reserved;
        Path = path;
        _command = command;
        _existed = existed;
        _hadManifest = hadManifest;
        _written = written;
        _lock = folderLock;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The folder the command writes its new files into (created on first use); <see cref="Commit"/> moves them in.</summary>
    public string Staging => Directory.CreateDirectory(System.IO.Path.Combine(Path, StagingName)).FullName;

    /// <summary>
    /// Locks <paramref name="folder"/> for <paramref name="command"/> (e.g. "prelu notebooks render") and checks that it holds
    /// nothing that command did not write. <paramref name="reserved"/> are names the command may create in it while it works
    /// (a cache of finished runs): they are listed at once, so a run stopped half-way leaves a folder the next run accepts.
    /// </summary>
    /// <exception cref="ArgumentException">The folder holds other files, or another command's output; the message starts with <paramref name="option"/>.</exception>
    /// <exception cref="IOException">Another process is writing it.</exception>
    /// <exception cref="InvalidDataException">Its list of written files is damaged; the message names it.</exception>
    public static OwnedFolder Open(string folder, string command, string option, IEnumerable<string> reserved)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(reserved);
        var path = System.IO.Path.GetFullPath(folder);
        var existed = Directory.Exists(path);
        var folderLock = FolderLock.Acquire(path, command);
        try
        {
            StaleFiles.Remove(path);
            var staging = System.IO.Path.Combine(path, StagingName);
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true); // a killed run's: no one else writes here while the lock is held
            }

            var manifest = System.IO.Path.Combine(path, ManifestName);
            var hadManifest = File.Exists(manifest);
            var (owner, written) = hadManifest ? ReadManifest(manifest) : (command, new HashSet<string>(StringComparer.Ordinal));
            if (owner != command)
            {
                throw new ArgumentException($"{option}: '{path}' holds the output of {owner}; give a new or empty folder, or one {command} wrote.");
            }

            var foreign = Entries(path).Where(n => !written.Contains(n)).Order(StringComparer.Ordinal).ToList();
            if (foreign.Count > 0)
            {
                throw new ArgumentException($"{option}: '{path}' holds files {command} did not write ({Names(foreign)}); " +
                                            $"give a new or empty folder, or one {command} wrote.");
            }

            string[] names = [.. reserved];
            var owned = new OwnedFolder(path, command, existed, hadManifest, written, names, folderLock);
            owned.Record([.. written, .. names]);
            return owned;
        }
        catch
        {
            folderLock.Dispose();
            RemoveIfEmpty(path, existed);
            throw;
        }
    }

    /// <summary>What earlier runs of the command wrote here and is still here.</summary>
    public IReadOnlyList<string> Earlier => [.. _written.Where(Wrote).Order(StringComparer.Ordinal)];

    /// <summary>Whether an earlier run of the command wrote <paramref name="name"/> here (and it is still here).</summary>
    public bool Wrote(string name) => _written.Contains(name) && Exists(System.IO.Path.Combine(Path, name));

    /// <summary>
    /// Moves every file and folder of <see cref="Staging"/> into the folder, replacing those of the same name (a folder of
    /// the same name is one this command wrote: <see cref="Open"/> refuses any other), and removes the files this command
    /// wrote before that are neither among them nor in <paramref name="keep"/>.
    /// </summary>
    public void Commit(IEnumerable<string> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var staging = Staging;
        var staged = Directory.GetFileSystemEntries(staging).Select(System.IO.Path.GetFileName).OfType<string>().ToList();
        var now = new HashSet<string>(staged, StringComparer.Ordinal);
        now.UnionWith(keep.Where(n => !IsOwn(n) && Exists(System.IO.Path.Combine(Path, n))));
        now.UnionWith(_reserved);
        // Listed before they arrive: a kill half-way leaves every file here listed, so the next run may replace them.
        Record([.. _written, .. now]);
        foreach (var name in staged)
        {
            var source = System.IO.Path.Combine(staging, name);
            var target = System.IO.Path.Combine(Path, name);
            if (Directory.Exists(source))
            {
                // A folder of assets (e.g. KaTeX's fonts) is replaced whole: no file of an earlier version stays in it.
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                AtomicFile.RequireReplaceable(target);
                Directory.Move(source, target);
                continue;
            }

            AtomicFile.RequireReplaceable(target);
            File.Move(source, target, overwrite: true);
        }

        foreach (var old in _written.Where(n => !now.Contains(n)))
        {
            var target = System.IO.Path.Combine(Path, old);
            if (File.Exists(target))
            {
                File.Delete(target);
            }
            else if (Directory.Exists(target))
            {
                now.Add(old); // a folder it filled (a cache of runs) is the user's to remove
            }
        }

        Record(now);
        Directory.Delete(staging, recursive: true);
        _committed = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var staging = System.IO.Path.Combine(Path, StagingName);
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        if (!_committed && !_hadManifest && Entries(Path).All(n => n == ManifestName))
        {
            File.Delete(System.IO.Path.Combine(Path, ManifestName)); // nothing was written: the folder is as it was found
        }

        _lock.Dispose();
        if (!_committed)
        {
            RemoveIfEmpty(Path, _existed);
        }
    }

    private void Record(IEnumerable<string> names)
    {
        var manifest = System.IO.Path.Combine(Path, ManifestName);
        var written = new HashSet<string>(names, StringComparer.Ordinal);
        if (written.SetEquals(_written) && File.Exists(manifest))
        {
            return; // unchanged: a run that is stopped leaves the file as it was
        }

        _written = written;
        var list = new JsonArray(_written.Order(StringComparer.Ordinal).Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
        var json = new JsonObject { ["command"] = _command, ["files"] = list }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.WriteAllText(manifest, json + "\n");
    }

    private static (string Command, HashSet<string> Files) ReadManifest(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not JSON ({e.Message}); delete the folder to start afresh.", e);
        }

        static bool IsName(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 && s is not ("." or "..")
                                           && s.IndexOfAny(['/', '\\', '\0']) < 0;
        if (root is not JsonObject o || o["command"] is not JsonValue c || !c.TryGetValue<string>(out var command) || o["files"] is not JsonArray files ||
            !files.All(IsName))
        {
            throw new InvalidDataException($"{path}: expected {{\"command\": \"…\", \"files\": [file names]}}; delete the folder to start afresh.");
        }

        return (command, files.Select(f => (string)f!).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The names in the folder other than the lock's files, the manifest and the staging folder.</summary>
    private static IEnumerable<string> Entries(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFileSystemEntries(folder).Select(System.IO.Path.GetFileName).OfType<string>()
                .Where(n => !IsOwn(n))
            : [];

    /// <summary>The lock's files, the manifest and the staging folder: never listed, never another's.</summary>
    private static bool IsOwn(string name) => name is FolderLock.LockName or FolderLock.OwnerName or ManifestName or StagingName;

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static string Names(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(3).Select(n => $"'{n}'")) + (names.Count > 3 ? $" and {names.Count - 3} more" : "");

    /// <summary>Removes a folder this run created, when nothing was left in it.</summary>
    private static void RemoveIfEmpty(string path, bool existed)
    {
        if (!existed && Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
        {
            Directory.Delete(path);
        }
    }
}
