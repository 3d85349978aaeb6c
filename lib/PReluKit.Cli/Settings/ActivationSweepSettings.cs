using System.ComponentModel;
using PReluKit.Activations;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Settings;

/// <summary>Options of commands that run one seed over a few activations (born-dead, plot boundaries): <c>--activations</c> on top of <c>--seed</c>.</summary>
internal class ActivationSweepSettings : SeedSettings
{
    [CommandOption("--activations <KEYS>")]
    [Description("Comma-separated activation keys.")]
    [DefaultValue("relu,leaky,prelu")]
    public string Activations { get; init; } = "relu,leaky,prelu";

    /// <summary>The activations, parsed (each error names <c>--activations</c>).</summary>
    public IReadOnlyList<ActivationSpec> ActivationSpecs => OptionParsing.Activations("--activations", Activations);

    /// <inheritdoc />
    protected override IEnumerable<string?> Problems() => [.. base.Problems(), Check.Parses(() => _ = ActivationSpecs)];
}
