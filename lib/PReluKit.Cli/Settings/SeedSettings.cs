using System.ComponentModel;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Settings;

/// <summary>Options of commands with one seed: <c>--seed</c>.</summary>
internal class SeedSettings : KitSettings
{
    [CommandOption("--seed <SEED>")]
    [Description("Fixes every random choice (data, weights, batch order).")]
    [DefaultValue(0)]
    public int Seed { get; init; }

    /// <inheritdoc />
    protected override IEnumerable<string?> Problems() => [.. base.Problems(), Check.AtLeast("--seed", Seed, 0)];
}
