using System.Globalization;
using static TorchSharp.torch;

namespace PReluKit.Activations;

/// <summary>
/// One member of the activation family with its parameters: the key the CLI, notebooks and reports share,
/// a display name, a factory for the TorchSharp module, and the closed-form f and f′ for plots and teaching.
/// </summary>
/// <remarks>
/// Parameters: <see cref="Parameter"/> is the Leaky slope, PReLU's initial α, RReLU's lower bound or ELU's α;
/// <see cref="Upper"/> is RReLU's upper bound. Derivatives at x = 0 follow PyTorch's autograd: the negative
/// side's value for every member except ReLU, whose f′(0) = 0.
/// </remarks>
public sealed record ActivationSpec
{
    /// <summary>SELU's α (Klambauer et al. 2017), as in PyTorch.</summary>
    public const double SeluAlpha = 1.6732632423543772848170429916717;

    /// <summary>SELU's scale (Klambauer et al. 2017), as in PyTorch.</summary>
    public const double SeluScale = 1.0507009873554804934193349852946;

    private ActivationSpec(ActivationKind kind, double parameter, double upper)
    {
        Kind = kind;
        Parameter = parameter;
        Upper = upper;
    }

    /// <summary>Which member.</summary>
    public ActivationKind Kind { get; }

    /// <summary>Leaky slope, PReLU initial α, RReLU lower bound or ELU α; 0 where unused.</summary>
    public double Parameter { get; }

    /// <summary>RReLU's upper bound; 0 otherwise.</summary>
    public double Upper { get; }

    /// <summary>Every key <see cref="Parse"/> accepts, in the kit's usual order.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["relu", "leaky", "prelu", "prelu-shared", "rrelu", "elu", "selu"];

    /// <summary>ReLU.</summary>
    public static ActivationSpec ReLU() => new(ActivationKind.ReLU, 0, 0);

    /// <summary>Leaky ReLU with a fixed slope (PyTorch's default 0.01).</summary>
    public static ActivationSpec Leaky(double slope = AlphaInit.Leaky) =>
        new(ActivationKind.LeakyReLU, CheckFinite(slope, "slope"), 0);

    /// <summary>Channel-wise PReLU starting from <paramref name="init"/>.</summary>
    public static ActivationSpec PReLU(double init = AlphaInit.He) =>
        new(ActivationKind.PReLUChannelWise, CheckFinite(init, "init"), 0);

    /// <summary>Channel-shared PReLU (one α a layer) starting from <paramref name="init"/>.</summary>
    public static ActivationSpec PReLUShared(double init = AlphaInit.He) =>
        new(ActivationKind.PReLUShared, CheckFinite(init, "init"), 0);

    /// <summary>RReLU with slope ~ U(lower, upper) in training (PyTorch's defaults 1/8 and 1/3).</summary>
    public static ActivationSpec RReLU(double lower = 1.0 / 8, double upper = 1.0 / 3) =>
        CheckFinite(lower, "lower") <= CheckFinite(upper, "upper")
            ? new(ActivationKind.RReLU, lower, upper)
            : throw new ArgumentException($"RReLU: lower must not exceed upper, got lower = {lower}, upper = {upper}.", nameof(lower));

    /// <summary>ELU with scale α on the negative side (default 1).</summary>
    public static ActivationSpec ELU(double alpha = 1.0) =>
        new(ActivationKind.ELU, CheckFinite(alpha, "alpha"), 0);

    /// <summary>SELU with its fixed constants.</summary>
    public static ActivationSpec SELU() => new(ActivationKind.SELU, 0, 0);

    /// <summary>The command-line key: relu, leaky, prelu, prelu-shared, rrelu, elu, selu.</summary>
    public string Key => Kind switch
    {
        ActivationKind.ReLU => "relu",
        ActivationKind.LeakyReLU => "leaky",
        ActivationKind.PReLUChannelWise => "prelu",
        ActivationKind.PReLUShared => "prelu-shared",
        ActivationKind.RReLU => "rrelu",
        ActivationKind.ELU => "elu",
        _ => "selu",
    };

    /// <summary>
    /// The key with every parameter, which <see cref="Parse"/> reads back to an equal spec:
    /// <c>relu</c>, <c>leaky:0.01</c>, <c>prelu:0.25</c>, <c>rrelu:0.125:0.333…</c>, <c>elu:1</c>, <c>selu</c>.
    /// </summary>
    public string Canonical => Kind switch
    {
        ActivationKind.ReLU or ActivationKind.SELU => Key,
        ActivationKind.RReLU => $"{Key}:{Parameter.ToString("R", CultureInfo.InvariantCulture)}:{Upper.ToString("R", CultureInfo.InvariantCulture)}",
        _ => $"{Key}:{Parameter.ToString("R", CultureInfo.InvariantCulture)}",
    };

    /// <summary>The name charts and tables show, with the parameter where it differs from the default.</summary>
    public string DisplayName => Kind switch
    {
        ActivationKind.ReLU => "ReLU",
        ActivationKind.LeakyReLU => $"Leaky ReLU ({Format(Parameter)})",
        ActivationKind.PReLUChannelWise => Parameter == AlphaInit.He ? "PReLU (channel-wise)" : $"PReLU (channel-wise, α₀ = {Format(Parameter)})",
        ActivationKind.PReLUShared => Parameter == AlphaInit.He ? "PReLU (shared)" : $"PReLU (shared, α₀ = {Format(Parameter)})",
        ActivationKind.RReLU => $"RReLU ({Format(Parameter)}–{Format(Upper)})",
        ActivationKind.ELU => Parameter == 1.0 ? "ELU" : $"ELU (α = {Format(Parameter)})",
        _ => "SELU",
    };

    /// <summary>True for the members with learned parameters.</summary>
    public bool IsParametric => Kind is ActivationKind.PReLUShared or ActivationKind.PReLUChannelWise;

    /// <summary>
    /// The negative-side slope He initialisation should assume for layers feeding this activation:
    /// 0 for ReLU, ELU; the slope for Leaky and PReLU; the mean slope for RReLU; 1 for SELU (LeCun normal,
    /// which SELU's self-normalisation assumes).
    /// </summary>
    public double InitSlope => Kind switch
    {
        ActivationKind.LeakyReLU or ActivationKind.PReLUShared or ActivationKind.PReLUChannelWise => Parameter,
        ActivationKind.RReLU => (Parameter + Upper) / 2,
        ActivationKind.SELU => 1.0,
        _ => 0.0,
    };

    /// <summary>
    /// Parses a key, optionally with parameters after a colon: <c>leaky:0.1</c>, <c>prelu:0</c>,
    /// <c>rrelu:0.1:0.3</c>, <c>elu:0.5</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown key or malformed parameter; the message lists the valid keys.</exception>
    public static ActivationSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        double Number(int index, double fallback)
        {
            if (parts.Length <= index)
            {
                return fallback;
            }

            return double.TryParse(parts[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
                ? value
                : throw new ArgumentException($"activation '{text}': parameter '{parts[index]}' is not a number.", nameof(text));
        }

        var maxParts = parts[0] switch { "rrelu" => 3, "relu" or "selu" => 1, _ => 2 };
        if (parts.Length > maxParts)
        {
            throw new ArgumentException($"activation '{text}': '{parts[0]}' takes at most {maxParts - 1} parameter(s).", nameof(text));
        }

        return parts[0] switch
        {
            "relu" => ReLU(),
            "leaky" => Leaky(Number(1, AlphaInit.Leaky)),
            "prelu" => PReLU(Number(1, AlphaInit.He)),
            "prelu-shared" => PReLUShared(Number(1, AlphaInit.He)),
            "rrelu" => RReLU(Number(1, 1.0 / 8), Number(2, 1.0 / 3)),
            "elu" => ELU(Number(1, 1.0)),
            "selu" => SELU(),
            _ => throw new ArgumentException(
                $"unknown activation '{text}'; expected one of: {string.Join(", ", Keys)} (parameters after ':', e.g. leaky:0.1).",
                nameof(text)),
        };
    }

    /// <summary>
    /// Creates the TorchSharp module. <paramref name="channels"/> sizes channel-wise PReLU (dense features or
    /// conv channels on <paramref name="channelDim"/>); the other members ignore it.
    /// </summary>
    public nn.Module<Tensor, Tensor> Create(long channels = 1, int channelDim = 1, string? name = null)
    {
        Native.TorchNative.EnsureLoaded();
        var layerName = name ?? Key;
        return Kind switch
        {
            ActivationKind.ReLU => nn.ReLU(),
            ActivationKind.LeakyReLU => nn.LeakyReLU(Parameter),
            ActivationKind.PReLUShared => Activations.PReLU.Shared(Parameter, name: layerName),
            ActivationKind.PReLUChannelWise => Activations.PReLU.ChannelWise(channels, channelDim, Parameter, name: layerName),
            ActivationKind.RReLU => nn.RReLU(Parameter, Upper),
            ActivationKind.ELU => nn.ELU(Parameter),
            _ => nn.SELU(),
        };
    }

    /// <summary>f(x) in plain double arithmetic (RReLU in evaluation mode: the mean slope).</summary>
    public double Value(double x) => Kind switch
    {
        ActivationKind.ReLU => x > 0 ? x : 0.0,
        ActivationKind.ELU => x > 0 ? x : Parameter * double.ExpM1(x),
        ActivationKind.SELU => SeluScale * (x > 0 ? x : SeluAlpha * double.ExpM1(x)),
        _ => x > 0 ? x : InitSlope * x,
    };

    /// <summary>f′(x) in plain double arithmetic, with PyTorch's convention at x = 0.</summary>
    public double Derivative(double x) => Kind switch
    {
        ActivationKind.ReLU => x > 0 ? 1.0 : 0.0,
        ActivationKind.ELU => x > 0 ? 1.0 : Parameter * Math.Exp(x),
        ActivationKind.SELU => SeluScale * (x > 0 ? 1.0 : SeluAlpha * Math.Exp(x)),
        _ => x > 0 ? 1.0 : InitSlope,
    };

    /// <inheritdoc />
    public override string ToString() => DisplayName;

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static double CheckFinite(double value, string name) =>
        double.IsFinite(value) ? value : throw new ArgumentException($"activation parameter {name} must be finite, got {value}.", name);
}
