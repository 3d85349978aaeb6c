using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Settings;

/// <summary>
/// The base of every command's options: one validator that reports the first problem, as one line naming the option.
/// Derived settings add their checks to <see cref="Problems"/> after the base's.
/// </summary>
internal abstract class KitSettings : CommandSettings
{
    /// <inheritdoc />
    public sealed override ValidationResult Validate() =>
        Problems().FirstOrDefault(p => p is not null) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();

    /// <summary>Each check: null when it passes, else the error line (see <see cref="Check"/>).</summary>
    protected virtual IEnumerable<string?> Problems() => [];
}
