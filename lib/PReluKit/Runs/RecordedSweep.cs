using System.Globalization;
using PReluKit.Data;
using PReluKit.Models;

namespace PReluKit.Runs;

/// <summary>
/// A grid of recorded comparisons trained once at full scale, shipped under <c>data/recorded/NAME</c>: a
/// <see cref="SweepPlan"/> (<c>sweep.json</c>), one <see cref="RecordedExperiment"/> folder per cell and a hash manifest of
/// all their files. Loading checks the hashes, that the folders are exactly the plan's cells, and that every cell is
/// complete and trained with the depth, width, learning rate, activations, seeds, epochs and data the plan gives it.
/// </summary>
/// <param name="Name">The sweep's folder name, e.g. <c>depth-lr</c>.</param>
/// <param name="Width">The hidden width of every layer.</param>
/// <param name="Cells">The cells in the plan's order.</param>
public sealed record RecordedSweep(string Name, int Width, IReadOnlyList<SweepCell> Cells)
{
    /// <summary>The recorded sweeps shipped with the kit.</summary>
    public static IReadOnlyList<string> Shipped { get; } = ["depth-lr"];

    /// <summary>The depths of the grid, ascending.</summary>
    public IReadOnlyList<int> Depths => [.. Cells.Select(c => c.Depth).Distinct().Order()];

    /// <summary>The learning rates of the grid, ascending.</summary>
    public IReadOnlyList<double> LearningRates => [.. Cells.Select(c => c.LearningRate).Distinct().Order()];

    /// <summary>
    /// Loads <c>data/recorded/<paramref name="name"/></c> (the data folder is found as <see cref="RepositoryData.Find"/> does),
    /// after checking every file under it against its hash manifest (<see cref="FileHashManifest"/>).
    /// </summary>
    /// <exception cref="FileNotFoundException">The sweep's folder, hash manifest or plan, or a cell's folder, manifest or provenance, is missing.</exception>
    /// <exception cref="InvalidDataException">
    /// A file is changed, missing, extra or damaged, a folder is not a cell of the plan, a cell is incomplete, or a cell
    /// was trained under other settings or data than the plan gives; the message names the file.
    /// </exception>
    public static RecordedSweep Load(string name, string? dataFolder = null)
    {
        var folder = Path.Combine(RecordedExperiment.DataFolder(dataFolder, $"recorded sweep '{name}'"), RecordedExperiment.FolderName, name);
        if (!Directory.Exists(folder))
        {
            throw new FileNotFoundException($"recorded sweep '{name}': '{folder}' does not exist.", folder);
        }

        FileHashManifest.Verify(folder);
        var planPath = Path.Combine(folder, SweepPlan.FileName);
        if (!File.Exists(planPath))
        {
            throw new FileNotFoundException($"recorded sweep '{name}': '{planPath}' is missing.", planPath);
        }

        var plan = StoredFiles.ReadSweepPlan(planPath);
        var unlisted = Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .FirstOrDefault(d => !plan.Cells.Any(c => c.Name == Path.GetFileName(d)));
        if (unlisted is not null)
        {
            throw new InvalidDataException($"'{unlisted}' is not a cell of '{planPath}': a sweep's folders are exactly the cells its plan lists.");
        }

        var cells = plan.Cells.Select(cell =>
        {
            var cellFolder = Path.Combine(folder, cell.Name);
            if (!Directory.Exists(cellFolder))
            {
                throw new FileNotFoundException($"recorded sweep '{name}': '{cellFolder}' is missing; '{planPath}' lists cell '{cell.Name}'.", cellFolder);
            }

            var experiment = RecordedExperiment.LoadVerified($"{name}/{cell.Name}", cellFolder, plan.EveryCell, planPath);
            return new SweepCell(cell.Depth, cell.LearningRate, Checked(experiment, cell, plan.Width, cellFolder));
        }).ToList();
        return new RecordedSweep(name, plan.Width, cells);
    }

    /// <summary>
    /// "recorded sweep depth-lr: Mlp, 2, 4, 8, 12 hidden layers of 128 units × Sgd lr 0.01, …; ReLU, Leaky ReLU (0.01),
    /// PReLU (channel-wise) × 5 seeds × 10 epochs per cell on Fashion-MNIST (60,000 + 10,000 images); trained at commit …".
    /// </summary>
    public string Describe()
    {
        var first = Cells[0].Experiment;
        var config = first.Manifest.Config;
        var training = config.Training;
        var data = first.Manifest.Identity.Data;
        var hours = Cells.Max(c => c.Experiment.Provenance.WallSeconds) / 3600;
        return string.Create(CultureInfo.InvariantCulture,
            $"recorded sweep {Name}: {training.Model}, {string.Join(", ", Depths)} hidden layers of {Width} units × {training.Optimizer} " +
            $"(momentum {training.Momentum}, batch {training.BatchSize}) at learning rates {string.Join(", ", LearningRates)}; " +
            $"{string.Join(", ", config.Activations.Select(a => a.DisplayName))} × {config.Seeds.Count} seeds × {training.Epochs} epochs per cell " +
            $"({Cells.Sum(c => c.Experiment.Runs.Count)} runs) on {data.Name} ({data.TrainSamples:N0} + {data.TestSamples:N0} images); " +
            $"trained at commit {first.Provenance.Commit[..7]} on {first.Provenance.Machine}, {first.Provenance.Threads} thread(s) per run, " +
            $"{first.Provenance.Started:yyyy-MM-dd}, {hours:0.0} h in all");
    }

    /// <summary>The cell at (<paramref name="depth"/>, <paramref name="learningRate"/>).</summary>
    /// <exception cref="ArgumentException">The grid has no such cell.</exception>
    public SweepCell At(int depth, double learningRate) =>
        Cells.FirstOrDefault(c => c.Depth == depth && c.LearningRate == learningRate)
        ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"recorded sweep '{Name}' has no cell at depth {depth}, learning rate {learningRate}."));

    private static RecordedExperiment Checked(RecordedExperiment experiment, SweepPlanCell cell, int width, string folder)
    {
        var training = experiment.Manifest.Config.Training;
        var hidden = training.Hidden;
        var problem = training.Model != ModelKind.Mlp ? $"is a {training.Model} comparison, not an MLP's"
            : hidden is null || hidden.Count != cell.Depth || hidden.Any(w => w != width)
                ? $"has hidden widths [{(hidden is null ? "the default" : string.Join(", ", hidden))}], but the plan says {cell.Depth} layers of {width}"
            : training.LearningRate != cell.LearningRate
                ? string.Create(CultureInfo.InvariantCulture, $"was trained at learning rate {training.LearningRate}, but the plan says {cell.LearningRate}")
            : null;
        return problem is null ? experiment
            : throw new InvalidDataException($"'{Path.Combine(folder, ComparisonManifest.FileName)}' {problem} (cell '{cell.Name}' of {SweepPlan.FileName}).");
    }
}
