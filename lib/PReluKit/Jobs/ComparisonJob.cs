using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Metrics;
using PReluKit.Reports;
using PReluKit.Runs;
using PReluKit.Statistics;
using PReluKit.Summaries;
using PReluKit.Training;

namespace PReluKit.Jobs;

/// <summary>
/// The kit's main job, one API for <c>prelu compare</c>, the comparison script and anyone else: activations trained side by
/// side over paired seeds into a <see cref="ResultsFolder"/> under its rules, or shards merged into one, then summarised
/// as CSVs and an offline report.
/// </summary>
public static class ComparisonJob
{
    /// <summary>
    /// Checks that <paramref name="folder"/> can hold the comparison (<see cref="ResultsFolder.CheckCanHold(ComparisonConfig, ComparisonIdentity, bool)"/>), records it
    /// there and trains every run of <paramref name="config"/> — or of one <paramref name="shard"/> — not already saved.
    /// </summary>
    /// <param name="folder">The results folder, open.</param>
    /// <param name="config">What to compare.</param>
    /// <param name="train">Training data, shaped for the model.</param>
    /// <param name="test">Test data, same shape.</param>
    /// <param name="command">The command that asked, recorded in the manifest.</param>
    /// <param name="resume">Continue the comparison already in the folder, reusing its finished runs.</param>
    /// <param name="shard">Only this shard of the runs; null for all.</param>
    /// <param name="progress">Receives run, epoch and batch events.</param>
    /// <param name="cancellationToken">Stops after the current batch; finished runs stay saved.</param>
    /// <returns>The runs (found or new), in execution order.</returns>
    /// <exception cref="ResultsFolderException">The folder holds something else.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; the runs finished before it are saved.</exception>
    public static IReadOnlyList<RunResult> Run(ResultsFolder folder, ComparisonConfig config, LabeledTensors train, LabeledTensors test, string command,
                                               bool resume = false, Shard? shard = null, IProgress<TrainingEvent>? progress = null,
                                               CancellationToken cancellationToken = default)
    {
        Begin(folder, config, train, test, command, resume);
        return Comparison.Run(config, train, test, folder.Store, progress, cancellationToken, shard);
    }

    /// <summary>
    /// The first half of <see cref="Run"/>, for callers that show something before the training starts: checks that
    /// <paramref name="folder"/> can hold the comparison and records it there.
    /// </summary>
    /// <returns>The identity the comparison's runs share.</returns>
    /// <exception cref="ResultsFolderException">The folder holds something else.</exception>
    public static ComparisonIdentity Begin(ResultsFolder folder, ComparisonConfig config, LabeledTensors train, LabeledTensors test, string command,
                                           bool resume = false)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(config);
        var identity = Comparison.IdentityOf(config, train, test);
        folder.CheckCanHold(config, identity, resume);
        folder.Begin(new ComparisonManifest(config, identity, command, DateTimeOffset.Now));
        return identity;
    }

    /// <summary>Merges the finished shards in <paramref name="shardFolders"/> into <paramref name="folder"/> (<see cref="ShardMerge"/>).</summary>
    /// <returns>The merged comparison's manifest, its runs and which file was kept of each run two shards hold timed twice.</returns>
    /// <exception cref="ResultsFolderException">A shard is missing, incomplete or of another comparison, or the folder holds another one.</exception>
    public static (ComparisonManifest Manifest, IReadOnlyList<RunResult> Runs, IReadOnlyList<string> TimedTwice) Merge(
        ResultsFolder folder, IReadOnlyList<string> shardFolders, string command) =>
        ShardMerge.Into(shardFolders, folder, command);

    /// <summary>
    /// Writes the CSVs and the offline report of a finished comparison into <paramref name="folder"/>: the summary with
    /// verdicts against <paramref name="accuracy"/> and <paramref name="time"/>, every chart, and the born-dead heatmaps of
    /// ReLU and channel-wise PReLU when they are compared.
    /// </summary>
    /// <param name="folder">The results folder, open.</param>
    /// <param name="config">What was compared.</param>
    /// <param name="runs">Its runs.</param>
    /// <param name="data">The data in words, for the report's environment table.</param>
    /// <param name="command">The command that made it.</param>
    /// <param name="accuracy">The accuracy measure and its δ; <see cref="EffectMeasure.Accuracy"/> when null.</param>
    /// <param name="time">The epoch-time measure and its δ; <see cref="EffectMeasure.EpochTime"/> when null.</param>
    /// <param name="cancellationToken">Stops the born-dead estimate.</param>
    public static ComparisonOutcome Summarise(ResultsFolder folder, ComparisonConfig config, IReadOnlyList<RunResult> runs, string data, string command,
                                              EffectMeasure? accuracy = null, EffectMeasure? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(config);
        var summary = ComparisonSummary.From(runs, accuracy, time);
        var csv = summary.WriteCsv(folder.Folder, runs);
        var environment = RunEnvironment.Capture(data, command);
        var bornDead = BornDeadGrid.Default.Estimate(
            [.. config.Activations.Where(a => a.Kind is ActivationKind.ReLU or ActivationKind.PReLUChannelWise)], seed: 0, cancellationToken);
        var (report, charts) = ComparisonReport.Write(folder.Folder, config, runs, summary, environment, csv, bornDead);
        return new ComparisonOutcome(summary, csv, report, charts, Claim.Evaluate(summary));
    }
}
