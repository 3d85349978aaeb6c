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

    /// <summary>The checks of an HTML page the command will write: not blank, and writable (<see cref="WritableFile"/>).</summary>
    public static IEnumerable<string?> PageFile(string option, string? path) =>
        [NotBlank(option, path, "an HTML file to write"), WritableFile(option, path)];

    /// <summary>A file the command will write (an HTML page), checked before any work (<see cref="OutputPath.FileProblem"/>).</summary>
    public static string? WritableFile(string option, string? path) =>
        string.IsNullOrWhiteSpace(path) || OutputPath.FileProblem(path) is not { } problem ? null : $"{option}: {problem}.";

    /// <summary>The checks of a folder the command will write into: not blank, and writable (<see cref="WritableFolder"/>).</summary>
    public static IEnumerable<string?> OutputFolder(string option, string? path, string expected) =>
        [NotBlank(option, path, expected), WritableFolder(option, path)];

    /// <summary>A folder the command will create or write into (<see cref="OutputPath.FolderProblem"/>).</summary>
    public static string? WritableFolder(string option, string? path) =>
        string.IsNullOrWhiteSpace(path) || OutputPath.FolderProblem(path) is not { } problem ? null : $"{option}: {problem}.";

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

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string UpTo(double max) => max < double.MaxValue ? $" up to {max.ToString("G9", CultureInfo.InvariantCulture)}" : "";
}
