using PReluKit.Metrics;
using PReluKit.Reports;
using PReluKit.Training;

namespace PReluKit.Jobs;

/// <summary>One model trained by <see cref="DeadUnitJob"/>: its run, and its units measured on the training images before and after.</summary>
/// <param name="Run">The run; its epoch records hold the dead-unit counts of every epoch.</param>
/// <param name="Initial">On-rates at initialisation; null when not measured.</param>
/// <param name="Final">On-rates after training; null when not measured.</param>
public sealed record DeadUnitOutcome(RunResult Run, DeadNeuronReport? Initial, DeadNeuronReport? Final)
{
    /// <summary>The model in words: activation and model, e.g. "ReLU MLP".</summary>
    public string Name => $"{Run.Config.Activation.DisplayName} {Run.Config.Member.Key.ToUpperInvariant()}";

    /// <summary>The offline page of on-rate histograms before and after training; null when on-rates were not measured.</summary>
    public HtmlReport? Page() => Initial is null || Final is null ? null : DeadNeuronPage.Build(Name, Initial, Final, Run.Final.Epoch);
}
