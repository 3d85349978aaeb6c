using System.Text.Json;
using System.Text.Json.Serialization;

namespace PReluKit.Training;

/// <summary>The JSON settings of every file the kit stores (runs, comparison manifests): NaN allowed, enums as names, indented.</summary>
public static class KitJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };
}
