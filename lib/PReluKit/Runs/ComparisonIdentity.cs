using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PReluKit.Data;
using PReluKit.Training;

namespace PReluKit.Runs;

/// <summary>
/// What the runs of one comparison share, and what changes their results apart from activation and seed: every training
/// setting, the data, the number of intra-op threads (libtorch's reductions split by thread, so the count changes the
/// bits) and the version of the kit's numerics. Its <see cref="Key"/> names the run files, so runs made under other
/// settings lie beside them and are never taken for them.
/// </summary>
/// <param name="Settings">The training settings without the activation, as canonical JSON.</param>
/// <param name="Data">The data.</param>
/// <param name="Threads">Intra-op threads the runs used.</param>
/// <param name="Numerics">The kit's numerics version (<see cref="Trainer.NumericsVersion"/> when made).</param>
public sealed record ComparisonIdentity(string Settings, DataIdentity Data, int Threads, int Numerics)
{
    /// <summary>The identity of runs of <paramref name="config"/> (whatever its activation) on <paramref name="data"/>.</summary>
    public static ComparisonIdentity Of(TrainingConfig config, DataIdentity data, int threads, int numerics = Trainer.NumericsVersion)
    {
        ArgumentNullException.ThrowIfNull(config);
        var settings = JsonSerializer.SerializeToNode(config, KitJson.Default.TrainingConfig)!.AsObject();
        settings.Remove(nameof(TrainingConfig.Activation));
        return new ComparisonIdentity(settings.ToJsonString(), data, threads, numerics);
    }

    /// <summary>Eight hex digits of a SHA-256 over everything but the data's name: the suffix of the run files' names.</summary>
    public string Key
    {
        get
        {
            var text = $"{Settings}|{Data.Fingerprint}|{Threads}|{Numerics}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
        }
    }

    /// <summary>The settings that differ from <paramref name="other"/>'s, as "name: this → other" lines; empty when both are the same comparison.</summary>
    public IReadOnlyList<string> DifferencesFrom(ComparisonIdentity other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = JsonNode.Parse(Settings)!.AsObject();
        var theirs = JsonNode.Parse(other.Settings)!.AsObject();
        var differences = mine.Select(p => p.Key).Union(theirs.Select(p => p.Key))
            .Where(k => !JsonNode.DeepEquals(mine[k], theirs[k]))
            .Select(k => $"{k}: {mine[k]?.ToJsonString() ?? "—"} → {theirs[k]?.ToJsonString() ?? "—"}")
            .ToList();
        if (Data.Fingerprint != other.Data.Fingerprint)
        {
            differences.Add($"data: {Data} → {other.Data}");
        }

        if (Threads != other.Threads)
        {
            differences.Add($"threads: {Threads} → {other.Threads}");
        }

        if (Numerics != other.Numerics)
        {
            differences.Add($"kit numerics version: {Numerics} → {other.Numerics}");
        }

        return differences;
    }
}
