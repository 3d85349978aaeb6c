using System.Globalization;
using PReluKit.Activations;

namespace PReluKit.Metrics;

/// <summary>The (width × depth) grid of a born-dead Monte Carlo and the networks drawn per cell.</summary>
/// <param name="Widths">Units per hidden layer.</param>
/// <param name="Depths">Hidden layers.</param>
/// <param name="Trials">Random initialisations per cell.</param>
public sealed record BornDeadGrid(IReadOnlyList<int> Widths, IReadOnlyList<int> Depths, int Trials)
{
    /// <summary>The default widths, as the CLI writes them.</summary>
    public const string DefaultWidths = "2,3,4,6,10";

    /// <summary>The default depths, as the CLI writes them.</summary>
    public const string DefaultDepths = "2,5,10,20,50";

    /// <summary>The default number of networks per cell.</summary>
    public const int DefaultTrials = 1000;

    /// <summary>Widths 2–10, depths 2–50 (Lu et al. 2019 go to depth 50 at widths this narrow), 1,000 nets per cell.</summary>
    public static BornDeadGrid Default { get; } = new(Numbers(DefaultWidths), Numbers(DefaultDepths), DefaultTrials);

    /// <summary>Every cell for each activation (<see cref="BornDead.Grid"/>).</summary>
    public IReadOnlyList<BornDeadCell> Estimate(IReadOnlyList<ActivationSpec> activations, ulong seed, CancellationToken cancellationToken = default) =>
        BornDead.Grid(activations, Widths, Depths, Trials, seed, cancellationToken: cancellationToken);

    private static int[] Numbers(string text) => [.. text.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))];
}
