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
/// <param name="Runs">The runs of that comparison (runs of other identities in the folder are left out).</param>
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

    /// <summary>Loads <c>data/recorded/<paramref name="name"/></c> (the data folder is found as <see cref="RepositoryData.Find"/> does).</summary>
    /// <exception cref="FileNotFoundException">The folder, its manifest or its provenance is missing.</exception>
    /// <exception cref="InvalidDataException">A file is damaged, or the runs are not exactly those of the manifest; the message names the file or what is missing.</exception>
    public static RecordedExperiment Load(string name, string? dataFolder = null)
    {
        var data = dataFolder ?? RepositoryData.Find()
                   ?? throw new FileNotFoundException($"recorded experiment '{name}': no data/ folder found (set {RepositoryData.EnvironmentVariable}).");
        var folder = Path.Combine(data, FolderName, name);
        var store = new RunStore(folder);
        var manifest = store.ReadManifest() ?? throw new FileNotFoundException($"recorded experiment '{name}': '{folder}' has no {ComparisonManifest.FileName}.");
        var provenancePath = Path.Combine(folder, ExperimentProvenance.FileName);
        var provenance = File.Exists(provenancePath)
            ? StoredFiles.ReadProvenance(provenancePath)
            : throw new FileNotFoundException($"recorded experiment '{name}': '{provenancePath}' is missing.");
        if (provenance.Threads != manifest.Identity.Threads)
        {
            throw new InvalidDataException($"'{provenancePath}': Threads is {provenance.Threads}, but the runs' identity says {manifest.Identity.Threads}.");
        }

        // Refused exactly as --merge refuses an incomplete or contradictory set of runs: a missing run would shift a verdict.
        var (runs, missing) = manifest.Collect(store.LoadFiles());
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"recorded experiment '{name}': {manifest.MissingMessage(missing, $"the files of '{store.RunsFolder}'")}.");
        }

        return new RecordedExperiment(name, manifest, runs, provenance);
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
