using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PReluKit.Metrics;
using PReluKit.Models;
using PReluKit.Training;

namespace PReluKit.Runs;

/// <summary>
/// Reads the files a results folder or a recorded experiment holds (run files, <c>comparison.json</c>,
/// <c>provenance.json</c>) and checks every field a summary or a description relies on — present, finite, in range,
/// consistent with the file's name — so that a damaged or edited file is refused with its path instead of crashing a
/// summary or showing an impossible number. The one place for these checks.
/// </summary>
internal static class StoredFiles
{
    /// <summary>The run in <paramref name="path"/>, checked; its identity must give the file's name.</summary>
    /// <exception cref="InvalidDataException">Unreadable, incomplete, out of range or named for another run; the message names the file.</exception>
    public static RunResult ReadRun(string path)
    {
        var run = Deserialize(path, KitJson.Default.RunResult);
        // What names the run first: a file that holds another run is refused as such, whatever else is wrong with it.
        Require(path, IdentityProblem(run));
        var identity = run.Identity!;
        if (identity.FileName != Path.GetFileName(path))
        {
            throw new InvalidDataException(
                $"'{path}' holds a run of other settings than its name says ({run.Config.Activation.Canonical}, seed {run.Seed}: {identity.FileName}); " +
                "delete or rename the file.");
        }

        Require(path, RunProblem(run));
        return run;
    }

    /// <summary>The manifest in <paramref name="path"/>, checked: a non-empty list of distinct activations and seeds, and an identity that matches its settings.</summary>
    /// <exception cref="InvalidDataException">Unreadable or inconsistent; the message names the file.</exception>
    public static ComparisonManifest ReadManifest(string path)
    {
        var manifest = Deserialize(path, KitJson.Default.ComparisonManifest);
        Require(path, ManifestProblem(manifest));
        return manifest;
    }

    /// <summary>The provenance in <paramref name="path"/>, checked: a full commit hash, a positive thread count, a finite duration.</summary>
    /// <exception cref="InvalidDataException">Unreadable or out of range; the message names the file.</exception>
    public static ExperimentProvenance ReadProvenance(string path)
    {
        var provenance = Deserialize(path, KitJson.Default.ExperimentProvenance);
        Require(path, ProvenanceProblem(provenance));
        return provenance;
    }

    /// <summary>
    /// The sweep plan in <paramref name="path"/>, checked: a positive width, at least one cell, names that are plain folder
    /// names and distinct, positive depths, finite positive learning rates, and no (depth, rate) twice.
    /// </summary>
    /// <exception cref="InvalidDataException">Unreadable or out of range; the message names the file.</exception>
    public static SweepPlan ReadSweepPlan(string path)
    {
        var plan = Deserialize(path, KitJson.Default.SweepPlan);
        Require(path, SweepPlanProblem(plan));
        return plan;
    }

    /// <summary>
    /// The plan of a recorded comparison in <paramref name="path"/>, checked: distinct activations and seeds (at least one
    /// each), at least one epoch, and a complete data identity.
    /// </summary>
    /// <exception cref="InvalidDataException">Unreadable or out of range; the message names the file.</exception>
    public static RecordedPlan ReadRecordedPlan(string path)
    {
        var plan = Deserialize(path, KitJson.Default.RecordedPlan);
        Require(path, RecordedPlanProblem(plan));
        return plan;
    }

    private static string? RecordedPlanProblem(RecordedPlan? plan) =>
        plan is null ? "the plan of the runs is missing."
        : plan.Activations is null || plan.Activations.Count == 0 || plan.Activations.Any(a => a is null) || plan.Activations.Distinct().Count() != plan.Activations.Count
            ? "Activations must list at least one activation, none twice."
        : plan.Seeds is null || plan.Seeds.Count == 0 || plan.Seeds.Distinct().Count() != plan.Seeds.Count ? "Seeds must list at least one seed, none twice."
        : plan.Epochs < 1 ? $"Epochs must be ≥ 1, got {plan.Epochs}."
        : plan.Data is null || plan.Data.Name is null || plan.Data.Fingerprint is null || plan.Data.TrainSamples < 1 || plan.Data.TestSamples < 1
            ? "Data (name, sample counts, fingerprint) is missing or incomplete."
        : null;

    private static string? SweepPlanProblem(SweepPlan plan)
    {
        if (plan.Width < 1)
        {
            return $"Width must be ≥ 1, got {plan.Width}.";
        }

        if (plan.Cells is null || plan.Cells.Count == 0)
        {
            return "Cells must list at least one cell.";
        }

        foreach (var cell in plan.Cells)
        {
            var problem = cell is null ? "a cell is null."
                : string.IsNullOrWhiteSpace(cell.Name) || cell.Name.IndexOfAny(['/', '\\']) >= 0 || cell.Name is "." or ".."
                    ? $"a cell's Name must be a plain folder name, got '{cell.Name}'."
                : cell.Depth < 1 ? $"cell '{cell.Name}': Depth must be ≥ 1, got {cell.Depth}."
                : !(double.IsFinite(cell.LearningRate) && cell.LearningRate > 0)
                    ? $"cell '{cell.Name}': LearningRate must be a finite positive number, got {cell.LearningRate.ToString(CultureInfo.InvariantCulture)}."
                : null;
            if (problem is not null)
            {
                return problem;
            }
        }

        var twice = plan.Cells.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice is not null)
        {
            return $"cell '{twice}' is listed twice.";
        }

        var sameSpot = plan.Cells.GroupBy(c => (c.Depth, c.LearningRate)).FirstOrDefault(g => g.Count() > 1);
        if (sameSpot is not null)
        {
            return $"cells {string.Join(" and ", sameSpot.Select(c => $"'{c.Name}'"))} both claim depth {sameSpot.Key.Depth}, learning rate {Format(sameSpot.Key.LearningRate)}.";
        }

        // A cell dropped from the list would shrink the map without a word: the cells are every depth at every rate.
        var depths = plan.Cells.Select(c => c.Depth).Distinct().Order().ToList();
        var rates = plan.Cells.Select(c => c.LearningRate).Distinct().Order().ToList();
        var hole = depths.SelectMany(d => rates.Select(r => (Depth: d, Rate: r)))
            .FirstOrDefault(spot => !plan.Cells.Any(c => c.Depth == spot.Depth && c.LearningRate == spot.Rate));
        if (plan.Cells.Count != depths.Count * rates.Count)
        {
            return $"Cells must cover the grid of depths {string.Join(", ", depths)} × learning rates {string.Join(", ", rates.Select(Format))}, " +
                   $"but no cell has depth {hole.Depth}, learning rate {Format(hole.Rate)}.";
        }

        return RecordedPlanProblem(plan.EveryCell) is { } runs ? $"EveryCell: {runs}" : null;
    }

    private static T Deserialize<T>(string path, JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), type)
                   ?? throw new InvalidDataException($"'{path}' holds null, not a {typeof(T).Name}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid {typeof(T).Name} file: {e.Message}", e);
        }
    }

    private static void Require(string path, string? problem)
    {
        if (problem is not null)
        {
            throw new InvalidDataException($"'{path}': {problem}");
        }
    }

    private static string? IdentityProblem(RunResult run) =>
        run.Config?.Activation is null ? "Config or its Activation is missing."
        : run.Data is null || run.Data.Name is null || run.Data.Fingerprint is null || run.Data.TrainSamples < 1 || run.Data.TestSamples < 1
            ? "Data (name, sample counts, fingerprint) is missing or incomplete."
        : run.Threads is not >= 1 ? $"Threads must be ≥ 1, got {run.Threads?.ToString(CultureInfo.InvariantCulture) ?? "null"}."
        : null;

    private static string? RunProblem(RunResult run)
    {
        if (ConfigProblem(run.Config) is { } config)
        {
            return config;
        }

        if (run.Host is not null && (run.Host.Name is null || run.Host.Cpu is null))
        {
            return "Host must give both Name and Cpu.";
        }

        if (run.Epochs is null || run.Epochs.Count == 0)
        {
            return "Epochs is missing or empty; a run records at least epoch 0.";
        }

        if (run.DivergedAtEpoch is { } d && (d < 1 || d > run.Config.Epochs))
        {
            return $"DivergedAtEpoch must be between 1 and {run.Config.Epochs}, got {d}.";
        }

        // A run that stopped on a training batch's loss has no record of that epoch; one that stopped on its test loss has it as the last.
        var expected = run.DivergedAtEpoch is { } diverged
            ? run.Epochs.Count == diverged + 1 && run.Epochs[^1] is { } last && FailureRule.LossFailed(last) ? diverged + 1 : diverged
            : run.Config.Epochs + 1;
        if (run.Epochs.Count != expected)
        {
            return $"Epochs holds {run.Epochs.Count} records; a run of {run.Config.Epochs} epochs{(run.DivergedAtEpoch is { } at ? $" that diverged in epoch {at}" : "")} has {expected}.";
        }

        var units = ModelFamily.Of(run.Config.Model).ActivationUnits(run.Config.Hidden, run.Config.Channels);
        for (var i = 0; i < run.Epochs.Count; i++)
        {
            if (EpochProblem(run.Epochs[i], i, units) is { } problem)
            {
                return $"epoch record {i}: {problem}";
            }
        }

        return null;
    }

    private static string? EpochProblem(EpochRecord? epoch, int index, IReadOnlyList<int> units)
    {
        if (epoch is null)
        {
            return "is null.";
        }

        if (epoch.Epoch != index)
        {
            return $"Epoch must be {index}, got {epoch.Epoch}.";
        }

        // Epoch 0 is the untrained model: no training loss or accuracy yet (NaN).
        var trained = index > 0;
        return (trained ? Share("TrainAccuracy", epoch.TrainAccuracy) : NaNOr(Share("TrainAccuracy", epoch.TrainAccuracy), epoch.TrainAccuracy))
               ?? (trained ? NonNegative("TrainLoss", epoch.TrainLoss) : NaNOr(NonNegative("TrainLoss", epoch.TrainLoss), epoch.TrainLoss))
               ?? Share("TestAccuracy", epoch.TestAccuracy)
               // NaN or infinity is allowed: a test loss that is not finite is the failure rule's to judge (the run diverged).
               ?? (epoch.TestLoss < 0 ? $"TestLoss must be ≥ 0, got {Format(epoch.TestLoss)}." : null)
               ?? (trained ? Positive("Seconds", epoch.Seconds) : NonNegative("Seconds", epoch.Seconds))
               ?? DeadProblem(epoch.Dead, units)
               ?? (epoch.GradientNorms is null || epoch.GradientNorms.Any(g => g is null) ? "GradientNorms is missing or holds null." : null)
               ?? AlphasProblem(epoch);
    }

    /// <summary>One count per activation layer of the model, each of its layer's width, and no count outside 0 … units.</summary>
    private static string? DeadProblem(IReadOnlyList<LayerDeadness>? dead, IReadOnlyList<int> units)
    {
        if (dead is null || dead.Any(d => d is null))
        {
            return "Dead is missing or holds null.";
        }

        if (dead.Count != units.Count)
        {
            return $"Dead must hold one entry per activation layer of the model ({units.Count}), got {dead.Count}.";
        }

        for (var i = 0; i < dead.Count; i++)
        {
            var layer = dead[i];
            var problem = layer.Units != units[i] ? $"Units must be {units[i]} (the model's width there), got {layer.Units}."
                : layer.DeadUnits < 0 || layer.DeadUnits > layer.Units ? $"DeadUnits must be between 0 and {layer.Units}, got {layer.DeadUnits}."
                : layer.Dormant is null || layer.Dormant.Values.Any(n => n < 0 || n > layer.Units) ? $"Dormant must count between 0 and {layer.Units} units per τ."
                : null;
            if (problem is not null)
            {
                return $"Dead[{i}] ({layer.Layer ?? "no layer name"}): {problem}";
            }
        }

        return null;
    }

    private static string? AlphasProblem(EpochRecord epoch)
    {
        if (epoch.Alphas is null)
        {
            return "Alphas is missing (an activation without α records an empty list).";
        }

        foreach (var alpha in epoch.Alphas)
        {
            if (alpha?.Values is null || alpha.Layer is null)
            {
                return "Alphas holds an entry without its layer or values.";
            }

            if (!double.IsFinite(alpha.Mean) || !double.IsFinite(alpha.Min) || !double.IsFinite(alpha.Max) || alpha.Values.Any(v => !double.IsFinite(v)))
            {
                return $"Alphas of {alpha.Layer} must be finite numbers.";
            }
        }

        return null;
    }

    private static string? ManifestProblem(ComparisonManifest manifest)
    {
        if (manifest.Config?.Training is null || manifest.Config.Activations is null || manifest.Config.Seeds is null || manifest.Identity?.Data is null ||
            manifest.Identity.Settings is null)
        {
            return "Config (Training, Activations, Seeds) or Identity (Settings, Data) is missing.";
        }

        if (manifest.Config.Activations.Count == 0 || manifest.Config.Activations.Any(a => a is null) || manifest.Config.Seeds.Count == 0)
        {
            return "Activations and Seeds must each list at least one value.";
        }

        if (manifest.Config.Activations.Distinct().Count() != manifest.Config.Activations.Count || manifest.Config.Seeds.Distinct().Count() != manifest.Config.Seeds.Count)
        {
            return "Activations and Seeds must not repeat a value.";
        }

        if (ConfigProblem(manifest.Config.Training) is { } config)
        {
            return config;
        }

        try
        {
            var own = ComparisonIdentity.Of(manifest.Config.Training, manifest.Identity.Data, manifest.Identity.Threads, manifest.Identity.Numerics);
            var differences = own.DifferencesFrom(manifest.Identity);
            return differences.Count == 0 ? null : $"Identity does not match Config ({string.Join("; ", differences)}).";
        }
        catch (JsonException e)
        {
            return $"Identity.Settings is not valid JSON ({e.Message}).";
        }
    }

    private static string? ProvenanceProblem(ExperimentProvenance provenance) =>
        provenance.Commit is null || provenance.Commit.Length != 40 || !provenance.Commit.All(char.IsAsciiHexDigitLower)
            ? $"Commit must be a full 40-digit git hash, got {(provenance.Commit is null ? "null" : $"'{provenance.Commit}'")}."
            : provenance.Command is null || provenance.Machine is null || provenance.Numerics is null ? "Command, Machine and Numerics must be given."
            : provenance.Threads < 1 ? $"Threads must be ≥ 1, got {provenance.Threads}."
            : NonNegative("WallSeconds", provenance.WallSeconds);

    private static string? ConfigProblem(TrainingConfig config)
    {
        try
        {
            config.Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
        }
    }

    private static string? Share(string name, double value) =>
        value is >= 0 and <= 1 ? null : $"{name} must be a share between 0 and 1, got {Format(value)}.";

    private static string? NonNegative(string name, double value) =>
        value >= 0 && double.IsFinite(value) ? null : $"{name} must be a finite number ≥ 0, got {Format(value)}.";

    private static string? Positive(string name, double value) =>
        value > 0 && double.IsFinite(value) ? null : $"{name} must be a positive finite number, got {Format(value)}.";

    private static string? NaNOr(string? problem, double value) => double.IsNaN(value) ? null : problem;

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
