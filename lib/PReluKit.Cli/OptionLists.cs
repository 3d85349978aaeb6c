using System.Globalization;

namespace PReluKit.Cli;

/// <summary>Parses comma-separated option values with errors that name the option.</summary>
internal static class OptionLists
{
    /// <summary>"2,3,10" → [2, 3, 10]; each value must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="ArgumentException">A value is not an integer in range; the message names <paramref name="option"/>.</exception>
    public static IReadOnlyList<int> Integers(string option, string text, int min, int max)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                throw new ArgumentException($"{option}: '{part}' is not an integer between {min} and {max}.");
            }

            values.Add(value);
        }

        return values.Count > 0 ? values : throw new ArgumentException($"{option}: give at least one value, e.g. {min},{Math.Min(max, min + 1)}.");
    }
}
