using System.Globalization;
using System.Reflection;
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

    /// <summary>Each check: null when it passes, else the error line (see <see cref="Check"/>). The base checks every <see cref="OptionRangeAttribute"/>.</summary>
    protected virtual IEnumerable<string?> Problems() =>
        GetType().GetProperties()
            .Select(p => (Property: p, Option: p.GetCustomAttribute<CommandOptionAttribute>(), Range: p.GetCustomAttribute<OptionRangeAttribute>()))
            .Where(p => p.Option is not null && p.Range is not null)
            .Select(p => Check.Range("--" + p.Option!.LongNames[0], p.Property.GetValue(this) is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : (long?)null, p.Range!.Min, p.Range.Max));
}
