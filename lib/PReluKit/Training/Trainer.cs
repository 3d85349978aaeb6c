using System.Diagnostics;
using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Kernels;
using PReluKit.Metrics;
using PReluKit.Models;
using static TorchSharp.torch;

namespace PReluKit.Training;

/// <summary>
/// Trains one model with cross-entropy and records every epoch. Deterministic on CPU: the seed fixes the initial
/// weights (He init with slope 0 for every activation, so runs with different activations start from identical
/// weights), the batch order and RReLU's random slopes.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// The version of what the kit computes in a run; bumped by any change that alters a run's numbers for the same
    /// settings, data, seed and threads (so stored runs of older code are not reused).
    /// </summary>
    public const int NumericsVersion = 1;

    // Small enough that activations reuse heap memory: fresh large allocations page-fault on every batch.
    internal const int EvaluationBatch = 256;

    /// <summary>Runs <paramref name="config"/> with <paramref name="seed"/> on image tensors shaped for the model.</summary>
    /// <param name="config">What to train.</param>
    /// <param name="seed">Fixes weights, batch order and every random choice.</param>
    /// <param name="train">Training data: (N, 784) for the MLP, (N, 1, 28, 28) for the CNN.</param>
    /// <param name="test">Test data, same shape.</param>
    /// <param name="progress">Receives epoch and batch events.</param>
    /// <param name="cancellationToken">Stops after the current batch with <see cref="OperationCanceledException"/>.</param>
    /// <returns>The run; <see cref="RunResult.DivergedAtEpoch"/> is set when a loss became NaN or infinite, and <see cref="RunResult.Outcome"/> says how it ended.</returns>
    public static RunResult Run(TrainingConfig config, ulong seed, LabeledTensors train, LabeledTensors test,
                                IProgress<TrainingEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        using var trained = Train(config, seed, train, test, progress, cancellationToken);
        return trained.Result;
    }

    /// <summary>As <see cref="Run"/>, but hands back the trained model too (for plots and further analysis); dispose it.</summary>
    public static TrainedModel Train(TrainingConfig config, ulong seed, LabeledTensors train, LabeledTensors test,
                                     IProgress<TrainingEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        config.Validate();
        Native.TorchNative.EnsureLoaded();
        random.manual_seed((long)(seed & long.MaxValue));

        var model = BuildSeeded(config, seed, train);
        try
        {
            return new TrainedModel(Fit(model, config, seed, train, test, progress, cancellationToken), model);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static RunResult Fit(nn.Module<Tensor, Tensor> model, TrainingConfig config, ulong seed, LabeledTensors train, LabeledTensors test,
                                 IProgress<TrainingEvent>? progress, CancellationToken cancellationToken)
    {
        var optimizer = CreateOptimizer(model, config);
        using var loss = nn.CrossEntropyLoss();
        using var batches = new BatchIterator(train, config.BatchSize, shuffle: true, seed);
        var constrained = ConstrainedPReLUs(model);
        using var deadSubset = DeadSample(train, config.DeadSampleLimit);
        var deadData = deadSubset ?? train;

        var epochs = new List<EpochRecord>();
        void Record(EpochRecord record)
        {
            epochs.Add(record);
            progress?.Report(new EpochCompleted(config, seed, record));
        }

        // Epoch 0: the model at initialisation, with gradient norms from the first batch (no update).
        foreach (var (features, labels) in batches.Epoch(0))
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            loss.call(model.call(features), labels).backward();
            var initialGradients = GradientNorms.PerLayer(model);
            optimizer.zero_grad();
            Record(Evaluate(model, test, deadData, 0, double.NaN, double.NaN, 0, initialGradients));
            break; // one batch is enough; the iterator owns (and disposes) the batch tensors
        }

        for (var epoch = 1; epoch <= config.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            var (lossSum, correct, seen, diverged) = TrainEpoch(model, optimizer, loss, batches, epoch, constrained, progress, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            if (diverged)
            {
                return new RunResult(config, seed, epochs, epoch) { Threads = get_num_threads() };
            }

            var record = Evaluate(model, test, deadData, epoch, lossSum / seen, (double)correct / seen, seconds, GradientNorms.PerLayer(model));
            Record(record);
            if (FailureRule.LossFailed(record))
            {
                // A test loss that is not finite ends the run as diverged, like a training batch's: its record is kept as the last.
                return new RunResult(config, seed, epochs, epoch) { Threads = get_num_threads() };
            }
        }

        return new RunResult(config, seed, epochs, null) { Threads = get_num_threads() };
    }

    /// <summary>
    /// One epoch of the kit's training loop: for each batch, forward, cross-entropy, a divergence check, backward,
    /// the optimiser step and the α projection, with training loss and accuracy accumulated on the side. Public so that
    /// benchmarks time exactly this loop and a script can write its own. The α projection applies to the PReLU layers in
    /// <c>constrained</c>; null (the default) means every PReLU layer of the model that has a constraint.
    /// </summary>
    /// <returns>Summed loss, correct predictions and samples seen; <c>Diverged</c> when a batch loss was NaN or infinite (the epoch stops there).</returns>
    public static (double LossSum, long Correct, long Seen, bool Diverged) TrainEpoch(
        nn.Module<Tensor, Tensor> model, optim.Optimizer optimizer, nn.Module<Tensor, Tensor, Tensor> loss, BatchIterator batches, int epoch,
        IReadOnlyList<PReLU>? constrained = null, IProgress<TrainingEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(batches);
        constrained ??= ConstrainedPReLUs(model);
        model.train();
        double lossSum = 0;
        long correct = 0, seen = 0;
        var batch = 0;
        foreach (var (features, labels) in batches.Epoch(epoch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var output = model.call(features);
            var batchLoss = loss.call(output, labels);
            var value = batchLoss.item<float>();
            if (!float.IsFinite(value))
            {
                return (lossSum, correct, seen, true);
            }

            batchLoss.backward();
            optimizer.step();
            foreach (var prelu in constrained)
            {
                prelu.ProjectAlpha();
            }

            var count = labels.shape[0];
            lossSum += value * count;
            correct += CorrectPredictions.Count(output, labels);
            seen += count;
            if (++batch % 20 == 0 || batch == batches.BatchesPerEpoch)
            {
                progress?.Report(new BatchProgress(epoch, batch, batches.BatchesPerEpoch));
            }
        }

        return (lossSum, correct, seen, false);
    }

    /// <summary>The configured optimiser over <paramref name="model"/>'s parameters (α without weight decay unless asked).</summary>
    public static optim.Optimizer CreateOptimizer(nn.Module model, TrainingConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Optimizer == OptimizerKind.Sgd
            ? ParameterGroups.Sgd(model, config.LearningRate, config.Momentum, config.WeightDecay, config.DecayAlpha)
            : ParameterGroups.Adam(model, config.LearningRate, config.WeightDecay, config.DecayAlpha);
    }

    /// <summary>
    /// One untimed epoch of the kit's loop over <paramref name="data"/> on a throw-away model of <paramref name="config"/>, so
    /// that JIT compilation and first allocations stay out of the epoch times measured after it. Changes no global state a
    /// later run depends on (every run seeds its own random sources).
    /// </summary>
    public static void WarmUp(TrainingConfig config, LabeledTensors data)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(data);
        Native.TorchNative.EnsureLoaded();
        using var model = BuildSeeded(config, 0, data);
        using var loss = nn.CrossEntropyLoss();
        using var batches = new BatchIterator(data, config.BatchSize, shuffle: false);
        TrainEpoch(model, CreateOptimizer(model, config), loss, batches, 1, []);
    }

    /// <summary>Mean cross-entropy and accuracy of <paramref name="model"/> on <paramref name="data"/>, in evaluation mode without gradients.</summary>
    public static (double Loss, double Accuracy) Test(nn.Module<Tensor, Tensor> model, LabeledTensors data)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var wasTraining = model.training;
        model.eval();
        double lossSum = 0;
        long correct = 0;
        using (no_grad())
        {
            using var loss = nn.CrossEntropyLoss();
            using var batches = new BatchIterator(data, EvaluationBatch, shuffle: false);
            foreach (var (features, labels) in batches.Epoch(0))
            {
                using var scope = NewDisposeScope();
                var output = model.call(features);
                lossSum += loss.call(output, labels).item<float>() * labels.shape[0];
                correct += output.argmax(1).eq(labels).sum().item<long>();
            }
        }

        model.train(wasTraining);
        return (lossSum / data.Count, (double)correct / data.Count);
    }

    /// <summary>The PReLU layers of <paramref name="model"/> whose α has a constraint to project onto after each step.</summary>
    public static IReadOnlyList<PReLU> ConstrainedPReLUs(nn.Module model) =>
        [.. model.modules().OfType<PReLU>().Where(p => p.Constraint is not null)];

    /// <summary>
    /// Builds the configured model with weights fixed by <paramref name="seed"/>, drawn with the config's He gain
    /// (<see cref="TrainingConfig.InitGain"/>): the same seed, the same model.
    /// </summary>
    public static nn.Module<Tensor, Tensor> BuildSeeded(TrainingConfig config, ulong seed, LabeledTensors train)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(train);
        using var generator = new Generator(seed);
        var shape = train.Features.shape;
        var member = config.Member;
        if (shape.Length != member.InputRank)
        {
            throw new ArgumentException(
                $"training data of shape {Shapes.Format(shape)} does not fit the {config.Model} model; expected {member.ExpectedInput}.", nameof(train));
        }

        var model = member.Create(new ModelBlueprint(config.Activation, shape[1..], config.Hidden, config.Channels, config.Classes, generator,
                                                      InitSlope: config.InitGain.FixedSlope()));
        if (config.HiddenBiasInit != 0)
        {
            using var noGrad = no_grad();
            foreach (var bias in HiddenBiases(model))
            {
                bias.fill_(config.HiddenBiasInit);
            }
        }

        return model;
    }

    /// <summary>The biases of every dense and convolution layer but the output layer, which the family's models end with.</summary>
    internal static IEnumerable<TorchSharp.Modules.Parameter> HiddenBiases(nn.Module<Tensor, Tensor> model) =>
        model.children().SkipLast(1).Select(layer => layer switch
        {
            TorchSharp.Modules.Linear linear => linear.bias,
            TorchSharp.Modules.Conv2d conv => conv.bias,
            SingleChannelConv2d conv => conv.Bias,
            _ => null,
        }).OfType<TorchSharp.Modules.Parameter>();

    /// <summary>The first <paramref name="limit"/> training samples (views), or null for all of them.</summary>
    private static LabeledTensors? DeadSample(LabeledTensors train, int limit) =>
        limit > 0 && limit < train.Count
            ? new LabeledTensors(train.Features.narrow(0, 0, limit), train.Labels.narrow(0, 0, limit))
            : null;

    private static EpochRecord Evaluate(nn.Module<Tensor, Tensor> model, LabeledTensors test, LabeledTensors deadData, int epoch,
                                        double trainLoss, double trainAccuracy, double seconds, IReadOnlyList<LayerGradient> gradients)
    {
        var (testLoss, testAccuracy) = Test(model, test);
        var dead = DeadNeuronReport.Measure(model, deadData, EvaluationBatch, histograms: false).Layers;
        return new EpochRecord(epoch, trainLoss, trainAccuracy, testLoss, testAccuracy, seconds, dead, AlphaStats.Of(model), gradients);
    }
}
