using PReluKit.Activations;
using PReluKit.Statistics;

namespace PReluKit.Summaries;

/// <summary>An activation's best learning rate at one depth of a <see cref="DepthRateMap"/>.</summary>
/// <param name="Depth">Hidden layers.</param>
/// <param name="Activation">The activation.</param>
/// <param name="LearningRate">The grid's rate with the highest mean test accuracy for it.</param>
/// <param name="TestAccuracy">That accuracy in percent, mean ± 95 % CI over its completed runs.</param>
public sealed record BestRate(int Depth, ActivationSpec Activation, double LearningRate, MeanInterval TestAccuracy);
