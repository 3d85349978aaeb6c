namespace PReluKit.IO;

/// <summary>
/// Whether a path can take what a command is about to write — checked before the work, so a long run does not end in
/// "cannot write". The one place for these checks: the CLI's options and the scripts' arguments both ask here.
/// </summary>
public static class OutputPath
{
    /// <summary>
    /// Null when <paramref name="path"/> can be written as a file (its folder exists and takes a new file, and the path is
    /// not a device, pipe, link or folder); otherwise why not, as a phrase for a message.
    /// </summary>
    public static string? FileProblem(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (FileKind.NotRegular(full) is { } kind)
        {
            return $"'{path}' is {kind}; expected a file to write";
        }

        var folder = Path.GetDirectoryName(full)!;
        return !Directory.Exists(folder) ? $"the folder '{folder}' of '{path}' does not exist; expected a file in an existing folder"
            : Probe(folder) is { } why ? $"cannot write into '{folder}' ({why})"
            : null;
    }

    /// <summary>
    /// Null when <paramref name="path"/> can be created or written as a folder (it is no file, and its nearest existing
    /// ancestor takes a new file); otherwise why not. Creates nothing.
    /// </summary>
    public static string? FolderProblem(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var existing = Path.GetFullPath(path);
        while (!Directory.Exists(existing))
        {
            // Another process may create the folder between the two looks: only what is still not a folder is refused.
            if (File.Exists(existing) || (FileKind.NotRegular(existing) is not null && !Directory.Exists(existing)))
            {
                return $"'{path}' is not a writable folder ('{existing}' is a file)";
            }

            existing = Path.GetDirectoryName(existing)!;
        }

        return Probe(existing) is { } why ? $"'{path}' is not a writable folder ({why})" : null;
    }

    /// <summary>Creates and removes a probe file: the one way to know a folder takes a new file (permissions, read-only mounts, ACLs).</summary>
    private static string? Probe(string folder)
    {
        var probe = Path.Combine(folder, $".prelu-write-test{StaleFiles.TempSuffix("tmp")}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }
}
