using System.Globalization;

namespace PReluKit.Runs;

/// <summary>
/// One of <see cref="Count"/> deterministic parts of a comparison's runs, for spreading a sweep over processes or machines:
/// run i (in <see cref="ComparisonConfig.Runs"/> order) belongs to shard (i mod N) + 1, so every shard gets a mix of
/// activations and seeds, and the shards together hold every run exactly once.
/// </summary>
/// <param name="Number">K, from 1 to <see cref="Count"/>.</param>
/// <param name="Count">N, the number of shards.</param>
public sealed record Shard(int Number, int Count)
{
    /// <summary>K, from 1 to <see cref="Count"/>.</summary>
    public int Number { get; } = Count >= 1 && Number >= 1 && Number <= Count ? Number
        : throw new ArgumentOutOfRangeException(nameof(Number), $"shard {Number}/{Count}: expected 1 ≤ K ≤ N.");

    /// <summary>True when run <paramref name="runIndex"/> (0-based, in <see cref="ComparisonConfig.Runs"/> order) is this shard's.</summary>
    public bool Contains(int runIndex) => runIndex % Count == Number - 1;

    /// <summary>"K/N" with 1 ≤ K ≤ N.</summary>
    /// <exception cref="ArgumentException">Not of that form; the message names <paramref name="option"/>.</exception>
    public static Shard Parse(string option, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && k >= 1 && k <= n)
        {
            return new Shard(k, n);
        }

        throw new ArgumentException($"{option}: '{text}' is not K/N with 1 ≤ K ≤ N (e.g. 2/4 for the second of four shards).", option);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Number}/{Count}";
}
