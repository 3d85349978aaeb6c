namespace PReluKit.IO;

/// <summary>
/// Writes files so that readers see either the old content or the complete new content, never a part. A process killed
/// mid-write leaves only a temp file, which <see cref="StaleFiles"/> removes later.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to a temp file beside <paramref name="path"/>, then renames it over.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Writes <paramref name="text"/> (UTF-8) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Runs <paramref name="write"/> against a temp file beside <paramref name="path"/>, then renames it over.</summary>
    public static void Write(string path, Action<Stream> write)
    {
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

    private static string TempPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}{StaleFiles.TempSuffix("tmp")}");
    }
}
