using System.Globalization;
using PReluKit.Activations;
using PReluKit.Models;

namespace PReluKit.Cli;

/// <summary>Parses option values that are lists or keys; every error names the option.</summary>
internal static class OptionParsing
{
    /// <summary>One activation key with optional parameters, e.g. <c>leaky:0.1</c>.</summary>
    /// <exception cref="ArgumentException">A bad key or parameter; the message names <paramref name="option"/>.</exception>
    public static ActivationSpec Activation(string option, string text)
    {
        try
        {
            return ActivationSpec.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{option}: {ExitCodes.MessageOf(e)}", e);
        }
    }

    /// <summary>An initialisation rule's key, e.g. <c>he-per-activation</c>.</summary>
    /// <exception cref="ArgumentException">Not a key; the message names <paramref name="option"/> and lists the keys.</exception>
    public static InitGain InitGain(string option, string text)
    {
        try
        {
            return InitGains.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{option}: {ExitCodes.MessageOf(e)}", e);
        }
    }

    /// <summary>A comma-separated list of activation keys; rejects an empty list and duplicates.</summary>
    /// <exception cref="ArgumentException">A bad key or list; the message names <paramref name="option"/> and lists the valid keys.</exception>
    public static IReadOnlyList<ActivationSpec> Activations(string option, string text)
    {
        var specs = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => Activation(option, t)).ToList();
        if (specs.Count == 0)
        {
            throw new ArgumentException($"{option}: give at least one of: {string.Join(", ", ActivationSpec.Keys)}.");
        }

        var duplicate = specs.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? specs : throw new ArgumentException($"{option}: '{duplicate.Key.Canonical}' is listed twice.");
    }

    /// <summary>
    /// "2,3,10" → [2, 3, 10]; each value must lie in [<paramref name="min"/>, <paramref name="max"/>] and, when
    /// <paramref name="distinct"/>, appear once (a list of layer widths may repeat one).
    /// </summary>
    /// <exception cref="ArgumentException">A value is not an integer in range; the message names <paramref name="option"/>.</exception>
    public static IReadOnlyList<int> Integers(string option, string text, int min, int max, bool distinct = true)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                throw new ArgumentException($"{option}: '{part}' is not an integer between {min} and {max}.");
            }

            if (distinct && values.Contains(value))
            {
                throw new ArgumentException($"{option}: '{value}' is listed twice.");
            }

            values.Add(value);
        }

        return values.Count > 0 ? values : throw new ArgumentException($"{option}: give at least one value, e.g. {min},{Math.Min(max, min + 1)}.");
    }
}
