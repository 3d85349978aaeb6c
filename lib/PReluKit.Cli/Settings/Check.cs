using System.Globalization;
using PReluKit.IO;

namespace PReluKit.Cli.Settings;

/// <summary>Option checks for <see cref="KitSettings.Problems"/>: null when the value is fine, else one line that names the option and says what was expected.</summary>
internal static class Check
{
    public static string? Range(string option, long? value, long min, long max) =>
        value is not { } v || (v >= min && v <= max) ? null : $"{option}: must be between {min} and {max}, got {v}.";

    public static string? AtLeast(string option, long? value, long min) =>
        value is not { } v || v >= min ? null : $"{option}: must be ≥ {min}, got {v}.";

    /// <summary>A positive finite number, at most <paramref name="max"/> when given (e.g. what fits a float).</summary>
    public static string? Positive(string option, double? value, double max = double.MaxValue) =>
        value is not { } v || v is > 0 and <= double.MaxValue && v <= max ? null : $"{option}: must be a positive number{UpTo(max)}, got {Format(v)}.";

    /// <summary>A finite number ≥ 0, at most <paramref name="max"/> when given.</summary>
    public static string? NonNegative(string option, double value, double max = double.MaxValue) =>
        value is >= 0 and <= double.MaxValue && value <= max ? null : $"{option}: must be a finite number ≥ 0{UpTo(max)}, got {Format(value)}.";

    public static string? Finite(string option, double value) =>
        double.IsFinite(value) ? null : $"{option}: must be a finite number, got {Format(value)}.";

    /// <summary>An empty value given on purpose (e.g. <c>--out ""</c>).</summary>
    public static string? NotBlank(string option, string? value, string expected) =>
        value is null || !string.IsNullOrWhiteSpace(value) ? null : $"{option}: is empty; expected {expected}.";

    /// <summary>
    /// A file the command will write (an HTML page): its folder exists and takes a new file, and the path is not a
    /// device, pipe, link or folder. Checked before any work, so a long run does not end in "cannot write".
    /// </summary>
    public static string? WritableFile(string option, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null; // NotBlank names an empty value
        }

        var full = Path.GetFullPath(path);
        if (FileKind.NotRegular(full) is { } kind)
        {
            return $"{option}: '{path}' is {kind}; expected a file to write.";
        }

        var folder = Path.GetDirectoryName(full)!;
        return !Directory.Exists(folder) ? $"{option}: the folder '{folder}' of '{path}' does not exist; expected a file in an existing folder."
            : Probe(folder) is { } why ? $"{option}: cannot write into '{folder}' ({why})."
            : null;
    }

    /// <summary>A folder the command will create or write into: it is not a file, and its nearest existing ancestor takes a new file.</summary>
    public static string? WritableFolder(string option, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var existing = Path.GetFullPath(path);
        while (!Directory.Exists(existing))
        {
            if (File.Exists(existing) || FileKind.NotRegular(existing) is not null)
            {
                return $"{option}: '{path}' is not a writable folder ('{existing}' is a file).";
            }

            existing = Path.GetDirectoryName(existing)!;
        }

        return Probe(existing) is { } why ? $"{option}: '{path}' is not a writable folder ({why})." : null;
    }

    /// <summary>A folder to read from: it exists and is a folder.</summary>
    public static string? ExistingFolder(string option, string? path, string expected) =>
        string.IsNullOrWhiteSpace(path) || Directory.Exists(path) ? null
        : File.Exists(path) ? $"{option}: '{path}' is a file; expected {expected}."
        : $"{option}: '{path}' does not exist; expected {expected}.";

    /// <summary>The message of a parse that names its option, or null when it parses.</summary>
    public static string? Parses(Action parse)
    {
        try
        {
            parse();
            return null;
        }
        catch (ArgumentException e)
        {
            return ExitCodes.MessageOf(e);
        }
    }

    /// <summary>Creates and removes a probe file: the one way to know a folder takes a new file (permissions, read-only mounts, ACLs).</summary>
    private static string? Probe(string folder)
    {
        var probe = Path.Combine(folder, $".prelu-write-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
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

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string UpTo(double max) => max < double.MaxValue ? $" up to {max.ToString("G9", CultureInfo.InvariantCulture)}" : "";
}
