using System.Text.Json.Serialization;
using System.Text.Json;
using PReluKit.IO;

namespace PReluKit.Training;

/// <summary>
/// A results folder: one JSON file per finished run under <c>runs/</c>, each written atomically. A rerun skips
/// runs already there (resume), and folders from several machines merge by copying their <c>runs/</c> files together.
/// </summary>
public sealed class RunStore
{
    /// <summary>The folder inside the results folder that holds the run files.</summary>
    public const string RunsFolderName = "runs";

    /// <summary>The JSON settings of run files (NaN allowed, enums as names, indented).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Opens (and creates) the results folder.</summary>
    /// <exception cref="IOException">The folder cannot be created or written.</exception>
    public RunStore(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(RunsFolder);
    }

    /// <summary>The results folder.</summary>
    public string Folder { get; }

    /// <summary>Where run files live.</summary>
    public string RunsFolder => Path.Combine(Folder, RunsFolderName);

    /// <summary>The file of one run: <c>runs/mlp-prelu_0.25-seed3.json</c>.</summary>
    public string PathFor(TrainingConfig config, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(config);
        var activation = config.Activation.Canonical.Replace(':', '_');
        return Path.Combine(RunsFolder, $"{config.Model.ToString().ToLowerInvariant()}-{activation}-seed{seed}.json");
    }

    /// <summary>The finished run for (config, seed), or null when there is none.</summary>
    /// <exception cref="InvalidDataException">The file exists but holds a different configuration or is unreadable.</exception>
    public RunResult? TryLoad(TrainingConfig config, ulong seed)
    {
        var path = PathFor(config, seed);
        if (!File.Exists(path))
        {
            return null;
        }

        var run = Read(path);
        if (Serialize(run.Config) != Serialize(config) || run.Seed != seed)
        {
            throw new InvalidDataException(
                $"'{path}' holds a run with a different configuration; use another results folder or delete the file to rerun it.");
        }

        return run;
    }

    /// <summary>Writes a finished run atomically.</summary>
    public void Save(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        AtomicFile.WriteAllText(PathFor(run.Config, run.Seed), JsonSerializer.Serialize(run, JsonOptions));
    }

    /// <summary>Every run in the folder, ordered by file name.</summary>
    public IReadOnlyList<RunResult> LoadAll() =>
        [.. Directory.EnumerateFiles(RunsFolder, "*.json").Order(StringComparer.Ordinal).Select(Read)];

    private static RunResult Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunResult>(File.ReadAllText(path), JsonOptions)
                   ?? throw new InvalidDataException($"'{path}' holds no run.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a valid run file: {e.Message}", e);
        }
    }

    private static string Serialize(TrainingConfig config) => JsonSerializer.Serialize(config, JsonOptions);
}
