using System.Text.Json;
using System.Text.Json.Serialization;

namespace PReluKit.Activations;

/// <summary>Stores an <see cref="ActivationSpec"/> as its canonical string, e.g. <c>"leaky:0.01"</c>.</summary>
public sealed class ActivationSpecJsonConverter : JsonConverter<ActivationSpec>
{
    /// <inheritdoc />
    /// <exception cref="JsonException">Not an activation: a JSON error, so that whoever reads the file names it.</exception>
    public override ActivationSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("an activation must be a string such as \"prelu:0.25\".");
        try
        {
            return ActivationSpec.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(ArgumentMessages.Of(e), e);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ActivationSpec value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.Canonical);
    }
}
