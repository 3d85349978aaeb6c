using PReluKit.Activations;
using PReluKit.Metrics;
using PReluKit.Models;
using PReluKit.Training;

namespace PReluKit.Tests.Charts;

/// <summary>Runs written by hand, so a chart's data can be checked against numbers known in advance.</summary>
internal static class SyntheticRuns
{
    /// <summary>A run of two epochs: epoch 0 at 10 % accuracy, epoch 1 at <paramref name="accuracy"/>, with <paramref name="dead"/> of fc1's 10 units dead.</summary>
    public static RunResult Run(ActivationSpec activation, ulong seed, double accuracy, double seconds = 1, int dead = 1) =>
        new(TrainingConfig.For(ModelKind.Mlp) with { Activation = activation }, seed, [Epoch(0, 0.1, 0, dead, []), Epoch(1, accuracy, seconds, dead, [])], null);

    /// <summary>A PReLU run whose layer fc1_act has α = <paramref name="initial"/> at epoch 0 and <paramref name="final"/> (one value per unit) after epoch 1.</summary>
    public static RunResult WithAlphas(ActivationSpec activation, ulong seed, double initial, IReadOnlyList<double> final) =>
        new(TrainingConfig.For(ModelKind.Mlp) with { Activation = activation }, seed,
            [Epoch(0, 0.1, 0, 1, [Alpha([initial])]), Epoch(1, 0.8, 1, 1, [Alpha(final)])], null);

    private static AlphaStats Alpha(IReadOnlyList<double> values) => new("fc1_act", values.Average(), values.Min(), values.Max(), values);

    private static EpochRecord Epoch(int epoch, double accuracy, double seconds, int dead, IReadOnlyList<AlphaStats> alphas) =>
        new(epoch, 0.5, accuracy, 0.5, accuracy, seconds,
            [new LayerDeadness("fc1_act", 10, dead, new Dictionary<Tau, int> { [Tau.Zero] = dead, [new Tau(0.025)] = dead, [Tau.Standard] = dead }, 0.5)],
            alphas, []);
}
