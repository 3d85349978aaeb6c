namespace PReluKit.IO;

/// <summary>
/// One writer per folder: an exclusive lock on <c>.prelu.lock</c> (an OS file lock, so it is released when the process
/// exits, even by a crash or a kill), with the holder's pid and purpose in <c>.prelu.lock.owner</c> for the message a
/// second process gets. Re-entrant within a process; dispose to release. Both files are removed on release, so a folder
/// is left as it was found; a process that opened the lock file just before it was removed sees that its file is no
/// longer the one at the path and opens again.
/// </summary>
public sealed class FolderLock : IDisposable
{
    /// <summary>The lock file's name in the folder.</summary>
    internal const string LockName = ".prelu.lock";

    /// <summary>The name of the file that says who holds the lock.</summary>
    internal const string OwnerName = ".prelu.lock.owner";

    private static readonly Dictionary<string, (FileStream Stream, int Count)> Held = new(StringComparer.Ordinal);
    private readonly string _folder;
    private bool _released;

    private FolderLock(string folder) => _folder = folder;

    /// <summary>Takes the lock on <paramref name="folder"/> for <paramref name="purpose"/> (e.g. the command line).</summary>
    /// <exception cref="IOException">Another process holds it; the message names it.</exception>
    public static FolderLock Acquire(string folder, string purpose)
    {
        var full = Path.GetFullPath(folder);
        lock (Held)
        {
            if (Held.TryGetValue(full, out var held))
            {
                Held[full] = (held.Stream, held.Count + 1);
                return new FolderLock(full);
            }

            Directory.CreateDirectory(full);
            var path = Path.Combine(full, LockName);
            FileStream stream;
            while (true)
            {
                try
                {
                    stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException e)
                {
                    throw new IOException($"the folder '{full}' is in use by {Owner(full)}; wait for it to finish or choose another folder.", e);
                }

                if (FileKind.IsStill(stream.SafeFileHandle, path))
                {
                    break;
                }

                stream.Dispose(); // the holder removed this file as it released the lock: take the new one
            }

            AtomicFile.WriteAllText(Path.Combine(full, OwnerName),
                $"pid {Environment.ProcessId} since {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss}: {purpose}");
            Held[full] = (stream, 1);
            return new FolderLock(full);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (Held)
        {
            if (_released || !Held.TryGetValue(_folder, out var held))
            {
                return;
            }

            _released = true;
            if (held.Count > 1)
            {
                Held[_folder] = (held.Stream, held.Count - 1);
                return;
            }

            Held.Remove(_folder);
            File.Delete(Path.Combine(_folder, OwnerName));
            File.Delete(Path.Combine(_folder, LockName)); // while still held, so no one locks the file being removed
            held.Stream.Dispose();
        }
    }

    private static string Owner(string folder)
    {
        try
        {
            return "another process (" + File.ReadAllText(Path.Combine(folder, OwnerName)).Trim() + ")";
        }
        catch (IOException)
        {
            return "another process";
        }
    }
}
