using PReluKit.Activations;
using static TorchSharp.torch;

namespace PReluKit.Metrics;

/// <summary>
/// Forward hooks on every activation layer of a model that accumulate, over any number of batches and without
/// keeping activations: per unit (dim 1) the count of positive pre-activations and the sum of |output|, and a
/// histogram of each layer's outputs. Hooks fire only when layers are invoked through <c>call()</c> (as
/// <c>Sequential</c> does). Disposing removes the hooks.
/// </summary>
public sealed class ActivationRecorder : IDisposable
{
    private readonly List<LayerAccumulator> _layers = [];
    private readonly List<Action> _hookRemovers = [];

    /// <summary>Attaches to every activation layer of <paramref name="model"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="histogramMin">Lower edge of the output histograms.</param>
    /// <param name="histogramMax">Upper edge of the output histograms.</param>
    /// <param name="bins">Bins per histogram.</param>
    /// <param name="histograms">Whether to build the output histograms (the costliest part; off for per-epoch summaries).</param>
    /// <exception cref="ArgumentException">The model has no activation layer, or a bad histogram range.</exception>
    public ActivationRecorder(nn.Module model, double histogramMin = -4, double histogramMax = 4, int bins = 64, bool histograms = true)
    {
        if (!(histogramMin < histogramMax) || bins < 1)
        {
            throw new ArgumentException($"ActivationRecorder: need histogramMin < histogramMax and bins ≥ 1, got [{histogramMin}, {histogramMax}] with {bins} bins.");
        }

        var activations = ActivationModules.Named(model);
        if (activations.Count == 0)
        {
            throw new ArgumentException("ActivationRecorder: the model has no activation layer of the family (ReLU, Leaky, PReLU, RReLU, ELU, SELU).", nameof(model));
        }

        foreach (var (name, module) in activations)
        {
            var layer = new LayerAccumulator(name, histogramMin, histogramMax, bins, histograms);
            _layers.Add(layer);
            var hook = module.register_forward_hook((_, input, output) =>
            {
                layer.Add(input, output);
                return output;
            });
            _hookRemovers.Add(hook.remove);
        }
    }

    /// <summary>The names of the recorded layers, in model order.</summary>
    public IReadOnlyList<string> Layers => [.. _layers.Select(l => l.Name)];

    /// <summary>Forgets everything accumulated so far.</summary>
    public void Reset() => _layers.ForEach(l => l.Reset());

    /// <summary>The report over everything seen since creation or the last <see cref="Reset"/>.</summary>
    public DeadNeuronReport Report() => DeadNeuronReport.Count([.. _layers.Select(l => l.Activity())]);

    /// <inheritdoc />
    public void Dispose()
    {
        _hookRemovers.ForEach(remove => remove());
        _hookRemovers.Clear();
    }

    /// <summary>The running sums of one layer.</summary>
    private sealed class LayerAccumulator(string name, double min, double max, int bins, bool histograms)
    {
        private readonly long[] _histogram = new long[bins];
        private long[] _positive = [];
        private double[] _absSum = [];
        private long _perUnit;

        public string Name { get; } = name;

        public void Reset()
        {
            _positive = [];
            _absSum = [];
            _perUnit = 0;
            Array.Clear(_histogram);
        }

        public void Add(Tensor input, Tensor output)
        {
            if (input.dim() < 2)
            {
                throw new ArgumentException($"ActivationRecorder: layer '{Name}' got input of shape {Shapes.Format(input.shape)}; expected (N, units, …).");
            }

            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var x = input.detach();
            var y = output.detach();
            var units = (int)x.shape[1];
            long[] reduce = [0, .. Enumerable.Range(2, (int)x.dim() - 2).Select(d => (long)d)];
            // count_nonzero(relu(x)) counts x > 0 exactly and is several times faster than summing a bool mask as int64.
            var positive = x.relu().count_nonzero(reduce).data<long>().ToArray();
            var absSum = y.abs().sum(reduce).to_type(ScalarType.Float64).data<double>().ToArray();
            // NaN outputs (a diverged model) fall in no bin; ±∞ land in the edge bins like every value beyond the range.
            var counts = histograms
                ? y.flatten().masked_select(y.flatten().isnan().logical_not()).sub(min).mul_(bins / (max - min)).floor_().clamp_(0, bins - 1)
                   .to_type(ScalarType.Int64).bincount(null, bins).data<long>().ToArray()
                : new long[bins];

            lock (_histogram)
            {
                if (_positive.Length == 0)
                {
                    _positive = new long[units];
                    _absSum = new double[units];
                }
                else if (_positive.Length != units)
                {
                    throw new ArgumentException($"ActivationRecorder: layer '{Name}' had {_positive.Length} units, now {units}.");
                }

                for (var i = 0; i < units; i++)
                {
                    _positive[i] += positive[i];
                    _absSum[i] += absSum[i];
                }

                for (var b = 0; b < bins; b++)
                {
                    _histogram[b] += counts[b];
                }

                _perUnit += x.numel() / units;
            }
        }

        public UnitActivity Activity()
        {
            var perUnit = Math.Max(_perUnit, 1);
            var onRate = _positive.Select(p => (double)p / perUnit).ToArray();
            var meanAbs = _absSum.Select(s => s / perUnit).ToArray();
            var layerMean = meanAbs.Length == 0 ? 0 : meanAbs.Average();
            var score = meanAbs.Select(m => layerMean > 0 ? m / layerMean : 0).ToArray();
            return new UnitActivity(Name, onRate, meanAbs, score, new OutputHistogram(min, max, [.. _histogram]));
        }
    }
}
