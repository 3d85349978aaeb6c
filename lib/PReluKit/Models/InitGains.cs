namespace PReluKit.Models;

/// <summary>The command-line keys of <see cref="InitGain"/> and the slope each rule initialises a model for.</summary>
public static class InitGains
{
    /// <summary>Every rule with its key, the default first.</summary>
    private static readonly (InitGain Gain, string Key)[] Table =
    [
        (InitGain.Relu, "he-relu"),
        (InitGain.PerActivation, "he-per-activation"),
    ];

    /// <summary>Every key <see cref="Parse"/> accepts, the default first.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. Table.Select(t => t.Key)];

    /// <summary>The command-line key: <c>he-relu</c> or <c>he-per-activation</c>.</summary>
    public static string Key(this InitGain gain) => Table.First(t => t.Gain == gain).Key;

    /// <summary>
    /// The slope every layer is initialised for, as <see cref="ModelBlueprint.InitSlope"/> takes it: 0 (ReLU's gain) for
    /// <see cref="InitGain.Relu"/>, null (each activation's own) for <see cref="InitGain.PerActivation"/>.
    /// </summary>
    public static double? FixedSlope(this InitGain gain) => gain == InitGain.Relu ? 0 : null;

    /// <summary>The rule of <paramref name="key"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Not a key; the message lists the keys.</exception>
    public static InitGain Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var normalised = key.Trim().ToLowerInvariant();
        return Table.FirstOrDefault(t => t.Key == normalised) is { Key: not null } match
            ? match.Gain
            : throw new ArgumentException($"unknown initialisation '{key}'; expected one of: {string.Join(", ", Keys)}.", nameof(key));
    }
}
