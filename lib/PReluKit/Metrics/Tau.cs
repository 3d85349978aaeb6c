using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PReluKit.Metrics;

/// <summary>
/// The threshold τ of the τ-dormant score (Sokar et al. 2023): a unit is τ-dormant when its score
/// sᵢ = E|hᵢ| / (mean over the layer of E|hₖ|) is at most τ.
/// </summary>
[JsonConverter(typeof(TauJsonConverter))]
public readonly record struct Tau
{
    /// <summary>A threshold; finite and ≥ 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, infinite or NaN.</exception>
    public Tau(double value) =>
        Value = value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "τ must be a finite number ≥ 0.");

    /// <summary>τ as a number.</summary>
    public double Value { get; }

    /// <summary>τ = 0: units whose output is exactly 0 on every sample (for ReLU, the dead units).</summary>
    public static Tau Zero => new(0);

    /// <summary>τ = 0.1, the threshold Sokar et al. use most.</summary>
    public static Tau Standard => new(0.1);

    /// <summary>The thresholds the kit reports: 0, 0.025 and 0.1.</summary>
    public static IReadOnlyList<Tau> Reported { get; } = [Zero, new(0.025), Standard];

    /// <summary>"0.1".</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Stores a <see cref="Tau"/> as a number, and as "0.1" where it is a dictionary key.</summary>
public sealed class TauJsonConverter : JsonConverter<Tau>
{
    /// <inheritdoc />
    public override Tau Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDouble());

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Tau value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Value);
    }

    /// <inheritdoc />
    public override Tau ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new Tau(value)
            : throw new JsonException($"'{reader.GetString()}' is not a τ (a number ≥ 0).");

    /// <inheritdoc />
    public override void WriteAsPropertyName(Utf8JsonWriter writer, Tau value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString());
    }
}
