namespace PReluKit.IO;

/// <summary>
/// Writes files so that readers see either the old content or the complete new content, never a part. A process killed
/// mid-write leaves only a temp file, which <see cref="StaleFiles"/> removes later. A target that exists and is not a regular
/// file (a device, a pipe, a link, a folder) is refused: the rename would replace it.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to a temp file beside <paramref name="path"/>, then renames it over.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Writes <paramref name="text"/> (UTF-8) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Runs <paramref name="write"/> against a temp file beside <paramref name="path"/>, then renames it over.</summary>
    /// <exception cref="IOException"><paramref name="path"/> exists and is not a regular file; nothing is written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        RequireReplaceable(path);
        var temp = TempPathFor(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Throws unless <paramref name="path"/> is missing or a regular file (what an atomic write may replace).</summary>
    /// <exception cref="IOException">It is something else; the message names the path and what it is.</exception>
    public static void RequireReplaceable(string path)
    {
        if (FileKind.NotRegular(path) is { } kind)
        {
            throw new IOException($"'{path}' is {kind}, not a regular file; refusing to replace it — give a file path.");
        }
    }

    private static string TempPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}{StaleFiles.TempSuffix("tmp")}");
    }
}
