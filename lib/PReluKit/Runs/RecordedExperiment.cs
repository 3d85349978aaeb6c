using System.Globalization;
using PReluKit.Data;
using PReluKit.Training;

namespace PReluKit.Runs;

/// <summary>
/// A full-scale comparison trained once and shipped under <c>data/recorded/NAME</c>: its manifest, its runs (one JSON file
/// each) and its provenance, so notebooks and the README can show verdicts that need more compute than a live run.
/// </summary>
/// <param name="Name">The folder name, e.g. <c>cnn-full</c>.</param>
/// <param name="Manifest">What was compared.</param>
/// <param name="Runs">The runs of that comparison: every (activation, seed) of its plan, once each, in the manifest's order.</param>
/// <param name="Provenance">Commit, command, machine and time.</param>
public sealed record RecordedExperiment(string Name, ComparisonManifest Manifest, IReadOnlyList<RunResult> Runs, ExperimentProvenance Provenance)
{
    /// <summary>The folder inside data/ that holds recorded experiments.</summary>
    public const string FolderName = "recorded";

    /// <summary>
    /// Why a recorded experiment's epoch times give no timing verdict: the machine was shared with development work while they
    /// ran, so seconds per epoch swing by 2–3× between runs (data/recorded/README.md). Notebook 5 and <c>prelu bench</c> measure time.
    /// </summary>
    public const string NotTimingEvidence = "recorded on a shared machine, so its epoch times are not timing evidence";

    /// <summary>The recorded experiments shipped with the kit.</summary>
    public static IReadOnlyList<string> Shipped { get; } = ["mlp-full", "cnn-full"];

    /// <summary>
    /// Loads <c>data/recorded/<paramref name="name"/></c> (the data folder is found as <see cref="RepositoryData.Find"/> does),
    /// after checking its files against their hashes (<see cref="FileHashManifest"/>) and its runs against its
    /// <see cref="RecordedPlan"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder, its hash manifest, plan, comparison manifest or provenance is missing.</exception>
    /// <exception cref="InvalidDataException">
    /// A file is changed, missing, extra or damaged, or the runs are not exactly those of the plan; the message names the file.
    /// </exception>
    public static RecordedExperiment Load(string name, string? dataFolder = null)
    {
        var folder = Path.Combine(DataFolder(dataFolder, $"recorded experiment '{name}'"), FolderName, name);
        if (!Directory.Exists(folder))
        {
            throw new FileNotFoundException($"recorded experiment '{name}': '{folder}' does not exist.", folder);
        }

        FileHashManifest.Verify(folder);
        var planPath = Path.Combine(folder, RecordedPlan.FileName);
        var plan = File.Exists(planPath)
            ? StoredFiles.ReadRecordedPlan(planPath)
            : throw new FileNotFoundException($"recorded experiment '{name}': '{planPath}' is missing.", planPath);
        return LoadVerified(name, folder, plan, planPath);
    }

    /// <summary>The data folder given, or the repository's.</summary>
    internal static string DataFolder(string? dataFolder, string what) =>
        dataFolder ?? RepositoryData.Find() ?? throw new FileNotFoundException($"{what}: no data/ folder found (set {RepositoryData.EnvironmentVariable}).");

    /// <summary>
    /// The comparison in <paramref name="folder"/>, whose files were checked against a hash manifest, checked against
    /// <paramref name="plan"/> (read from <paramref name="planPath"/>): the same activations, seeds, epochs and data, and
    /// every run file one of the plan's runs, each exactly once.
    /// </summary>
    internal static RecordedExperiment LoadVerified(string name, string folder, RecordedPlan plan, string planPath)
    {
        var store = new RunStore(folder);
        var manifestPath = Path.Combine(folder, ComparisonManifest.FileName);
        var manifest = store.ReadManifest() ?? throw new FileNotFoundException($"recorded experiment '{name}': '{manifestPath}' is missing.", manifestPath);
        var provenancePath = Path.Combine(folder, ExperimentProvenance.FileName);
        var provenance = File.Exists(provenancePath)
            ? StoredFiles.ReadProvenance(provenancePath)
            : throw new FileNotFoundException($"recorded experiment '{name}': '{provenancePath}' is missing.", provenancePath);
        if (provenance.Threads != manifest.Identity.Threads)
        {
            throw new InvalidDataException($"'{provenancePath}': Threads is {provenance.Threads}, but the runs' identity says {manifest.Identity.Threads}.");
        }

        if (PlanDifference(manifest, plan) is { } difference)
        {
            throw new InvalidDataException($"'{manifestPath}': {difference} (from '{planPath}').");
        }

        // The folder holds the plan's runs and nothing else: a run of other settings or data, or of a pair the plan does not
        // list, is refused rather than left out.
        var files = store.LoadFiles();
        foreach (var (path, run) in files)
        {
            var identity = run.Identity!;
            if (identity.Comparison != manifest.Identity)
            {
                throw new InvalidDataException(
                    $"'{path}' is a run of another comparison than '{manifestPath}' ({string.Join("; ", manifest.Identity.DifferencesFrom(identity.Comparison))}).");
            }

            if (!plan.Activations.Contains(run.Config.Activation) || !plan.Seeds.Contains(run.Seed))
            {
                throw new InvalidDataException(
                    $"'{path}' holds {run.Config.Activation.Canonical}, seed {run.Seed}, a run that '{planPath}' does not plan.");
            }
        }

        var (runs, missing) = manifest.Collect(files);
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"recorded experiment '{name}': {manifest.MissingMessage(missing, $"the files of '{store.RunsFolder}'")}.");
        }

        return new RecordedExperiment(name, manifest, runs, provenance);
    }

    /// <summary>How the comparison's settings differ from the plan's, as "… but the plan says …"; null when they agree.</summary>
    private static string? PlanDifference(ComparisonManifest manifest, RecordedPlan plan)
    {
        var config = manifest.Config;
        return !config.Activations.SequenceEqual(plan.Activations)
                ? $"Activations are {string.Join(", ", config.Activations.Select(a => a.Canonical))}, but the plan says {string.Join(", ", plan.Activations.Select(a => a.Canonical))}"
            : !config.Seeds.SequenceEqual(plan.Seeds)
                ? $"Seeds are {string.Join(", ", config.Seeds)}, but the plan says {string.Join(", ", plan.Seeds)}"
            : config.Training.Epochs != plan.Epochs ? $"Epochs is {config.Training.Epochs}, but the plan says {plan.Epochs}"
            : manifest.Identity.Data != plan.Data ? $"the runs were trained on {manifest.Identity.Data}, but the plan says {plan.Data}"
            : null;
    }

    /// <summary>"recorded experiment cnn-full: Cnn on Fashion-MNIST (60,000 + 10,000 images), 4 activations × 10 seeds × 12 epochs, commit df583a9, …".</summary>
    public string Describe()
    {
        var training = Manifest.Config.Training;
        var data = Manifest.Identity.Data;
        return string.Create(CultureInfo.InvariantCulture,
            $"recorded experiment {Name}: {training.Model} on {data.Name} ({data.TrainSamples:N0} + {data.TestSamples:N0} images), " +
            $"{Manifest.Config.Activations.Count} activations × {Manifest.Config.Seeds.Count} seeds × {training.Epochs} epochs, " +
            $"{training.Optimizer} lr {training.LearningRate}{(training.Optimizer == OptimizerKind.Sgd ? $" momentum {training.Momentum}" : "")}, batch {training.BatchSize}; trained at commit {Provenance.Commit[..7]} on " +
            $"{Provenance.Machine}, {Provenance.Threads} threads, {Provenance.Started:yyyy-MM-dd}, {Provenance.WallSeconds / 3600:0.0} h");
    }
}
