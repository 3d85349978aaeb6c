namespace PReluKit.Cli.Settings;

/// <summary>
/// The values an integer option takes, declared once on its property: <see cref="KitSettings"/> checks a parsed value
/// against it, and <see cref="CliHost"/> quotes it when a value is too large even to parse (instead of Int32's range).
/// </summary>
/// <param name="min">The smallest value.</param>
/// <param name="max">The largest value.</param>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class OptionRangeAttribute(long min, long max) : Attribute
{
    /// <summary>The smallest value.</summary>
    public long Min { get; } = min;

    /// <summary>The largest value.</summary>
    public long Max { get; } = max;
}
