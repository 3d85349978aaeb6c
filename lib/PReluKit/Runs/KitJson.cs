using System.Text.Json.Serialization;
using PReluKit.Training;

namespace PReluKit.Runs;

/// <summary>
/// The JSON of every file the kit stores (runs, comparison manifests, provenance), source-generated so that the kit runs
/// trimmed and with reflection-based serialisation off (.NET file-based apps, native AOT): NaN allowed, enums as names,
/// indented.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
                             UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunResult))]
[JsonSerializable(typeof(ComparisonManifest))]
[JsonSerializable(typeof(ExperimentProvenance))]
[JsonSerializable(typeof(TrainingConfig))]
[JsonSerializable(typeof(SweepPlan))]
[JsonSerializable(typeof(RecordedPlan))]
public sealed partial class KitJson : JsonSerializerContext;
