using PReluKit.Activations;
using PReluKit.Reports;
using Spectre.Console;

namespace PReluKit.Cli;

/// <summary>Checks and actions that several commands share, with errors that name the option.</summary>
internal static class CommandOptions
{
    /// <summary>Parses a comma-separated list of activation keys; rejects an empty list and duplicates.</summary>
    /// <exception cref="ArgumentException">A bad key or list; the message lists the valid keys.</exception>
    public static IReadOnlyList<ActivationSpec> ParseActivations(string text)
    {
        var specs = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ActivationSpec.Parse).ToList();
        if (specs.Count == 0)
        {
            throw new ArgumentException($"give at least one of: {string.Join(", ", ActivationSpec.Keys)}.");
        }

        var duplicate = specs.GroupBy(s => s.Canonical).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? specs : throw new ArgumentException($"'{duplicate.Key}' is listed twice.");
    }

    /// <summary>The validation error for a bad activation list given to <paramref name="option"/>, or null when it parses.</summary>
    public static ValidationResult? ActivationsError(string text, string option = "--activations")
    {
        try
        {
            _ = ParseActivations(text);
            return null;
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error($"{option}: {ExitCodes.MessageOf(e)}");
        }
    }

    /// <summary>The validation error for a --data value that is not subset, full or an existing folder, or null.</summary>
    public static ValidationResult? DataError(string data) =>
        data is "subset" or "full" || Directory.Exists(data) ? null : ValidationResult.Error($"--data: '{data}' is not subset, full or an existing folder.");

    /// <summary>The validation error for a --model value that is not mlp or cnn, or null.</summary>
    public static ValidationResult? ModelError(string model) =>
        model is "mlp" or "cnn" ? null : ValidationResult.Error($"--model: '{model}' is not one of: mlp, cnn.");

    /// <summary>Writes a report to the path given by <paramref name="option"/>; a path that cannot be written is a usage error.</summary>
    public static void WriteReport(HtmlReport report, string path, string option = "--out")
    {
        try
        {
            report.Write(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"{option}: cannot write '{path}' ({e.Message}).", e);
        }
    }
}
