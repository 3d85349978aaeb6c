using PReluKit.Activations;
using PReluKit.Statistics;

namespace PReluKit.Metrics;

/// <summary>The Monte Carlo estimate for one (activation, width, depth).</summary>
/// <param name="Activation">The activation.</param>
/// <param name="Width">Units per hidden layer.</param>
/// <param name="Depth">Hidden layers.</param>
/// <param name="Probability">Share of initialisations whose network is constant on the input domain, with its 95 % interval.</param>
public sealed record BornDeadCell(ActivationSpec Activation, int Width, int Depth, BinomialInterval Probability);
