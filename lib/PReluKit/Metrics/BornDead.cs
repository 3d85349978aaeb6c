using PReluKit.Activations;
using PReluKit.Statistics;
using TorchSharp;
using static TorchSharp.torch;

namespace PReluKit.Metrics;

/// <summary>
/// "Born dead" networks (Lu, Shin, Su and Karniadakis 2019): a deep, narrow ReLU net can be a constant function
/// at initialisation, because some layer is non-positive on the whole input domain. Estimated by Monte Carlo:
/// many nets of 1-D input, <c>depth</c> hidden layers of <c>width</c> units and one output, He-normal weights,
/// evaluated in double precision on a grid over [−1, 1]; a net counts as born dead when its output is exactly the same
/// at every grid point.
/// </summary>
public static class BornDead
{
    /// <summary>Estimates P(born dead) for one cell; all trials run as one batched computation.</summary>
    /// <param name="activation">The activation of every hidden layer (PReLU starts at its initial α).</param>
    /// <param name="width">Units per hidden layer (≥ 1).</param>
    /// <param name="depth">Hidden layers (≥ 1).</param>
    /// <param name="trials">Random initialisations.</param>
    /// <param name="seed">Fixes every weight.</param>
    /// <param name="biasStd">Standard deviation of the normal biases; 0 (the default) initialises them to 0.</param>
    /// <param name="gridPoints">Input points on [−1, 1].</param>
    public static BornDeadCell Estimate(ActivationSpec activation, int width, int depth, int trials, ulong seed,
                                        double biasStd = 0, int gridPoints = 33)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (width < 1 || depth < 1 || trials < 1 || gridPoints < 2 || !(biasStd >= 0))
        {
            throw new ArgumentException(
                $"BornDead: need width ≥ 1, depth ≥ 1, trials ≥ 1, gridPoints ≥ 2 and biasStd ≥ 0; got {width}, {depth}, {trials}, {gridPoints}, {biasStd}.");
        }

        Native.TorchNative.EnsureLoaded();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var generator = new Generator(seed);
        // Double precision: in float32 a deep stack of 0.01 slopes underflows, and a Leaky net would look constant by rounding.
        using var act = activation.Create(width, channelDim: -1);
        act.to(ScalarType.Float64);
        act.eval();
        var slope = activation.InitSlope;

        // h: (trials, grid, units). The same grid for every trial.
        var h = linspace(-1, 1, gridPoints, dtype: ScalarType.Float64).view(1, gridPoints, 1).expand(trials, gridPoints, 1);
        var fanIn = 1;
        for (var layer = 0; layer <= depth; layer++)
        {
            var units = layer == depth ? 1 : width;
            var weights = randn([trials, fanIn, units], dtype: ScalarType.Float64, generator: generator).mul_(Models.HeInitialization.Std(fanIn, layer == depth ? 1 : slope));
            h = h.bmm(weights);
            if (biasStd > 0)
            {
                h = h.add(randn([trials, 1, units], dtype: ScalarType.Float64, generator: generator).mul_(biasStd));
            }

            if (layer < depth)
            {
                h = act.call(h);
            }

            fanIn = units;
        }

        // Born dead: the output does not vary over the grid at all.
        var constant = h.amax([1, 2]).eq(h.amin([1, 2]));
        var count = (int)constant.sum().item<long>();
        return new BornDeadCell(activation, width, depth, BinomialInterval.Of(count, trials));
    }

    /// <summary>Estimates every (width, depth) pair for each activation; each cell has its own seed derived from <paramref name="seed"/>.</summary>
    /// <exception cref="OperationCanceledException">Cancelled between cells.</exception>
    public static IReadOnlyList<BornDeadCell> Grid(IReadOnlyList<ActivationSpec> activations, IReadOnlyList<int> widths,
                                                   IReadOnlyList<int> depths, int trials, ulong seed, double biasStd = 0,
                                                   CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activations);
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(depths);
        var cells = new List<BornDeadCell>();
        foreach (var activation in activations)
        {
            foreach (var width in widths)
            {
                foreach (var depth in depths)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // The same seed per (width, depth) across activations: paired draws.
                    var cellSeed = unchecked(seed + ((ulong)width * 1000003UL) + ((ulong)depth * 7919UL));
                    cells.Add(Estimate(activation, width, depth, trials, cellSeed, biasStd));
                }
            }
        }

        return cells;
    }

    /// <summary>
    /// Whether a hand-built net is constant on <paramref name="inputs"/>: the layers run in order, with
    /// <paramref name="activation"/> after every layer but the last.
    /// </summary>
    public static bool IsConstant(IReadOnlyList<nn.Module<Tensor, Tensor>> layers, nn.Module<Tensor, Tensor> activation, Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(activation);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var h = inputs;
        for (var i = 0; i < layers.Count; i++)
        {
            h = layers[i].call(h);
            if (i < layers.Count - 1)
            {
                h = activation.call(h);
            }
        }

        return h.amax([0]).eq(h.amin([0])).all().item<bool>();
    }
}
