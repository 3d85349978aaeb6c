using PReluKit.Data;
using PReluKit.Metrics;
using PReluKit.Training;

namespace PReluKit.Jobs;

/// <summary>The dead-unit report of one model and activation, at initialisation and after training: one API for <c>prelu dead</c> and its script.</summary>
public static class DeadUnitJob
{
    /// <summary>Trains <paramref name="config"/> with <paramref name="seed"/> and, when asked, measures every unit's on-rate before and after.</summary>
    /// <param name="config">What to train.</param>
    /// <param name="seed">Fixes weights and batch order: the untrained model measured first has the trained one's initial weights.</param>
    /// <param name="train">Training data, shaped for the model; the on-rates are measured on it.</param>
    /// <param name="test">Test data.</param>
    /// <param name="onRates">Also measure on-rates for the page (a pass over the training images before and after).</param>
    /// <param name="cancellationToken">Stops after the current batch.</param>
    public static DeadUnitOutcome Run(TrainingConfig config, ulong seed, LabeledTensors train, LabeledTensors test, bool onRates = true,
                                      CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        DeadNeuronReport? initial = null;
        if (onRates)
        {
            using var untrained = Trainer.BuildSeeded(config, seed, train);
            initial = DeadNeuronReport.Measure(untrained, train);
        }

        using var trained = Trainer.Train(config, seed, train, test, cancellationToken: cancellationToken);
        var final = onRates ? DeadNeuronReport.Measure(trained.Model, train) : null;
        return new DeadUnitOutcome(trained.Result, initial, final);
    }
}
