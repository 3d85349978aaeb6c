using System.Globalization;
using PReluKit.Models;

namespace PReluKit.Training;

/// <summary>
/// How much memory training a model of a configuration takes, estimated before the model is built (a model too large
/// for the machine is refused with this estimate instead of being killed by the kernel halfway, with files half made):
/// 4-byte floats for the parameters, their gradients and the optimiser's state, and the activations of one batch kept
/// for the backward pass and their gradients.
/// </summary>
/// <param name="Parameters">Trainable numbers of the model.</param>
/// <param name="Bytes">The estimate in bytes.</param>
public sealed record TrainingMemory(long Parameters, long Bytes)
{
    private const long FloatBytes = 4;

    /// <summary>The estimate for <paramref name="config"/> on samples of <paramref name="sampleShape"/> (without the batch axis).</summary>
    public static TrainingMemory Estimate(TrainingConfig config, IReadOnlyList<long> sampleShape)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(sampleShape);
        var (parameters, activationsPerSample) = config.Model == ModelKind.Cnn ? CnnSizes(config, sampleShape) : MlpSizes(config, sampleShape);
        // Parameters, gradients, and momentum (SGD) or two moments (Adam).
        var states = config.Optimizer == OptimizerKind.Adam ? 2 : config.Momentum > 0 ? 1 : 0;
        var batch = Math.Max(config.BatchSize, Trainer.EvaluationBatch);
        // Each activation is kept for the backward pass and gets a gradient of its size.
        var floats = (decimal)parameters * (2 + states) + 2m * batch * activationsPerSample;
        return new TrainingMemory((long)Math.Min(parameters, long.MaxValue), (long)Math.Min(floats * FloatBytes, long.MaxValue));
    }

    /// <summary>
    /// The problem when <paramref name="config"/> cannot train in the memory this process may use (<see cref="Available"/>):
    /// one line naming the option that sizes the model and the estimate; null when it fits or nothing is known.
    /// </summary>
    public static string? Problem(TrainingConfig config, IReadOnlyList<long> sampleShape)
    {
        ArgumentNullException.ThrowIfNull(config);
        var estimate = Estimate(config, sampleShape);
        if (Available() is not { } available || estimate.Bytes <= available.Bytes)
        {
            return null;
        }

        var option = config.Model == ModelKind.Cnn ? "--channels" : "--hidden";
        return string.Create(CultureInfo.InvariantCulture,
            $"{option}: this {config.Member.Key} of {estimate.Parameters:N0} parameters needs about {Gigabytes(estimate.Bytes)} to train " +
            $"(parameters, gradients, optimizer state and one batch's activations), but only {Gigabytes(available.Bytes)} is available ({available.Source}); " +
            $"choose a smaller {option} or --batch-size.");
    }

    /// <summary>The memory this process may still use: the cgroup's limit less its usage when a limit is set, else the system's MemAvailable; null when neither can be read.</summary>
    public static (long Bytes, string Source)? Available()
    {
        foreach (var (limit, usage) in new[] { ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory.current"),
                                               ("/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.usage_in_bytes") })
        {
            // An unlimited cgroup says "max" (v2) or a number near 2^63 (v1).
            if (ReadNumber(limit) is { } max && max < long.MaxValue / 2 && ReadNumber(usage) is { } used)
            {
                return (Math.Max(0, max - used), "the cgroup's memory limit less its usage");
            }
        }

        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal)) : null;
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is [_, var kilobytes, "kB"] && long.TryParse(kilobytes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb)
            ? (kb * 1024, "MemAvailable")
            : null;
    }

    private static long? ReadNumber(string path)
    {
        try
        {
            return File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Gigabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.0} GiB");

    // Linear layers of Mlp: weights and biases, each hidden layer's output and activation (α counted with the weights).
    private static (decimal Parameters, decimal ActivationsPerSample) MlpSizes(TrainingConfig config, IReadOnlyList<long> sampleShape)
    {
        decimal width = sampleShape.Aggregate(1L, (a, b) => a * b), parameters = 0, activations = 0;
        foreach (var hidden in config.Hidden ?? Mlp.DefaultHidden)
        {
            parameters += width * hidden + 2m * hidden;
            activations += 2m * hidden;
            width = hidden;
        }

        return (parameters + width * config.Classes + config.Classes, activations + config.Classes);
    }

    // SmallCnn: 3×3 convolutions (output, activation, pooled output per block), then one hidden linear layer and the output.
    private static (decimal Parameters, decimal ActivationsPerSample) CnnSizes(TrainingConfig config, IReadOnlyList<long> sampleShape)
    {
        decimal inChannels = sampleShape.Count > 0 ? sampleShape[0] : 1, parameters = 0, activations = 0;
        var size = sampleShape.Count > 1 ? sampleShape[1] : 1;
        foreach (var channels in config.Channels ?? SmallCnn.DefaultChannels)
        {
            parameters += inChannels * channels * 9 + 2m * channels;
            activations += 2m * channels * size * size + (decimal)channels * (size / 2) * (size / 2);
            inChannels = channels;
            size /= 2;
        }

        var flat = inChannels * size * size;
        parameters += flat * SmallCnn.DefaultHidden + 2m * SmallCnn.DefaultHidden + SmallCnn.DefaultHidden * config.Classes + config.Classes;
        return (parameters, activations + 2m * SmallCnn.DefaultHidden + config.Classes);
    }
}
