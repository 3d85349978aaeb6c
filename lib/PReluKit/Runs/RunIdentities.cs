using PReluKit.Training;

namespace PReluKit.Runs;

/// <summary>A run's identity, read from what the run recorded: here rather than on <see cref="RunResult"/> because identities belong to the store above the training loop.</summary>
public static class RunIdentities
{
    extension(RunResult run)
    {
        /// <summary>What makes this run what it is; null when its data or threads were not recorded.</summary>
        public RunIdentity? Identity =>
            run.Data is null || run.Threads is not { } threads
                ? null
                : new RunIdentity(ComparisonIdentity.Of(run.Config, run.Data, threads, run.Numerics), run.Config, run.Seed);
    }
}
