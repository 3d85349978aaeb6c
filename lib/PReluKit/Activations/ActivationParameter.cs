using System.Globalization;

namespace PReluKit.Activations;

/// <summary>
/// One parameter of a family member: its name, default and the closed range a user may choose, with the reason for
/// the range, so every error about it says what was expected and why.
/// </summary>
/// <param name="Name">The name in messages, e.g. <c>slope</c> or <c>α₀</c>.</param>
/// <param name="Default">The value when none is given.</param>
/// <param name="Min">The smallest allowed value.</param>
/// <param name="Max">The largest allowed value.</param>
/// <param name="Why">Why values outside [Min, Max] are refused.</param>
public sealed record ActivationParameter(string Name, double Default, double Min, double Max, string Why)
{
    /// <summary>What is wrong with <paramref name="value"/> ("slope must be between 0 and 1 (…), got -1"), or null when it is in range.</summary>
    public string? Problem(double value) =>
        value >= Min && value <= Max ? null : $"{Name} must be between {Format(Min)} and {Format(Max)} ({Why}), got {Format(value)}";

    private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
