namespace PReluKit.Training;

/// <summary>Progress of training, for progress bars (CLI) and in-place displays (notebooks).</summary>
public abstract record TrainingEvent;

/// <summary>A run starts.</summary>
/// <param name="Config">Its configuration.</param>
/// <param name="Seed">Its seed.</param>
/// <param name="Index">0-based index among the comparison's runs.</param>
/// <param name="Count">Runs in the comparison.</param>
public sealed record RunStarted(TrainingConfig Config, ulong Seed, int Index, int Count) : TrainingEvent;

/// <summary>Batches done within the current epoch (reported every few batches).</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Batch">Batches done.</param>
/// <param name="Batches">Batches per epoch.</param>
public sealed record BatchProgress(int Epoch, int Batch, int Batches) : TrainingEvent;

/// <summary>An epoch (or the initial evaluation, epoch 0) finished.</summary>
/// <param name="Config">The run's configuration.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Record">What it measured.</param>
public sealed record EpochCompleted(TrainingConfig Config, ulong Seed, EpochRecord Record) : TrainingEvent;

/// <summary>A run finished, diverged, or was found finished in the results folder and skipped.</summary>
/// <param name="Result">The run.</param>
/// <param name="Skipped">True when it was loaded from an earlier run (resume).</param>
public sealed record RunFinished(RunResult Result, bool Skipped) : TrainingEvent;
