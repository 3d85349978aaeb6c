using System.Text.Json;
using System.Text.Json.Serialization;

namespace PReluKit.Activations;

/// <summary>Stores an <see cref="ActivationSpec"/> as its canonical string, e.g. <c>"leaky:0.01"</c>.</summary>
public sealed class ActivationSpecJsonConverter : JsonConverter<ActivationSpec>
{
    /// <inheritdoc />
    public override ActivationSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ActivationSpec.Parse(reader.GetString() ?? throw new JsonException("an activation must be a string such as \"prelu:0.25\"."));

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ActivationSpec value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Canonical);
    }
}
