using System.Globalization;
using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace PReluKit.Activations;

/// <summary>
/// One member of the activation family with its parameters: the typed value the kit carries from the command line
/// through runs, summaries and reports. What the member means (name, module, f, f′, slope, colour) lives in its row
/// of <see cref="ActivationFamily"/>; a spec is that row plus numbers.
/// </summary>
/// <remarks>
/// <see cref="Parameter"/> is the Leaky slope, PReLU's initial α, RReLU's lower bound or ELU's α; <see cref="Upper"/> is
/// RReLU's upper bound. Derivatives at x = 0 follow PyTorch's autograd: the negative side's value for every member
/// except ReLU, whose f′(0) = 0.
/// </remarks>
[JsonConverter(typeof(ActivationSpecJsonConverter))]
public sealed record ActivationSpec
{
    /// <summary>A spec as it is, unchecked: for specs read off modules (a learned α may leave the user-facing range).</summary>
    internal ActivationSpec(ActivationKind kind, double parameter = 0, double upper = 0)
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

    /// <summary>The member's row in the family table.</summary>
    public ActivationMember Member => ActivationFamily.Of(Kind);

    /// <summary>Every key <see cref="Parse"/> accepts, in the kit's usual order.</summary>
    public static IReadOnlyList<string> Keys => ActivationFamily.Keys;

    /// <summary>ReLU.</summary>
    public static ActivationSpec ReLU() => Checked(ActivationKind.ReLU);

    /// <summary>Leaky ReLU with a fixed slope in [0, 1] (PyTorch's default 0.01).</summary>
    public static ActivationSpec Leaky(double slope = AlphaInit.Leaky) => Checked(ActivationKind.LeakyReLU, slope);

    /// <summary>Channel-wise PReLU starting from <paramref name="init"/> in [0, 1].</summary>
    public static ActivationSpec PReLU(double init = AlphaInit.He) => Checked(ActivationKind.PReLUChannelWise, init);

    /// <summary>Channel-shared PReLU (one α a layer) starting from <paramref name="init"/> in [0, 1].</summary>
    public static ActivationSpec PReLUShared(double init = AlphaInit.He) => Checked(ActivationKind.PReLUShared, init);

    /// <summary>RReLU with slope ~ U(lower, upper) in training (PyTorch's defaults, <see cref="ActivationFamily.RReluLower"/> and <see cref="ActivationFamily.RReluUpper"/>).</summary>
    public static ActivationSpec RReLU(double lower = ActivationFamily.RReluLower, double upper = ActivationFamily.RReluUpper) => Checked(ActivationKind.RReLU, lower, upper);

    /// <summary>ELU with scale α in [0, 10] on the negative side (default <see cref="ActivationFamily.EluAlpha"/>).</summary>
    public static ActivationSpec ELU(double alpha = ActivationFamily.EluAlpha) => Checked(ActivationKind.ELU, alpha);

    /// <summary>SELU with its fixed constants.</summary>
    public static ActivationSpec SELU() => Checked(ActivationKind.SELU);

    /// <summary>The command-line key: relu, leaky, prelu, prelu-shared, rrelu, elu, selu.</summary>
    public string Key => Member.Key;

    /// <summary>
    /// The key with every parameter, which <see cref="Parse"/> reads back to an equal spec:
    /// <c>relu</c>, <c>leaky:0.01</c>, <c>prelu:0.25</c>, <c>rrelu:0.125:0.333…</c>, <c>elu:1</c>, <c>selu</c>.
    /// </summary>
    public string Canonical => string.Join(':', Values().Take(Member.Parameters.Count + 1));

    /// <summary>The name charts and tables show, with the parameter where it differs from the default.</summary>
    public string DisplayName => Member.DisplayName(this);

    /// <summary>
    /// True when a unit never positive on the data outputs 0 and gets no gradient — it is dead: ReLU only. Leaky ReLU, PReLU
    /// and the rest still output and pass back something on the negative side, so such a unit is only off.
    /// </summary>
    public bool CanDie => Kind == ActivationKind.ReLU;

    /// <summary>The word for a unit never positive on the data: "dead" where <see cref="CanDie"/>, "off" otherwise.</summary>
    public string InactiveWord => CanDie ? "dead" : "off";

    /// <summary>True for the members with learned parameters.</summary>
    public bool IsParametric => Member.IsParametric;

    /// <summary>The member's colour in every chart (hex).</summary>
    public string Colour => Member.Colour;

    /// <summary>
    /// The negative-side slope He initialisation should assume for layers feeding this activation:
    /// 0 for ReLU, ELU; the slope for Leaky and PReLU; the mean slope for RReLU; 1 for SELU (LeCun normal,
    /// which SELU's self-normalisation assumes).
    /// </summary>
    public double InitSlope => Member.InitSlope(this);

    /// <summary>
    /// Parses a key, optionally with parameters after a colon: <c>leaky:0.1</c>, <c>prelu:0</c>,
    /// <c>rrelu:0.1:0.3</c>, <c>elu:0.5</c>.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown key, malformed or out-of-range parameter; the message says what was expected.</exception>
    public static ActivationSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        var member = ActivationFamily.ByKey(parts[0]) ?? throw new ArgumentException(
            $"unknown activation '{text}'; expected one of: {string.Join(", ", Keys)} (parameters after ':', e.g. leaky:0.1).", nameof(text));
        if (parts.Length > member.Parameters.Count + 1)
        {
            throw new ArgumentException($"activation '{text}': '{member.Key}' takes at most {member.Parameters.Count} parameter(s).", nameof(text));
        }

        double Number(int index)
        {
            if (parts.Length <= index + 1)
            {
                return member.Parameters[index].Default;
            }

            // .NET reads a number beyond double's range as infinity: out of range, not "not a number".
            return !double.TryParse(parts[index + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value)
                ? throw new ArgumentException($"activation '{text}': parameter '{parts[index + 1]}' is not a number.", nameof(text))
                : double.IsFinite(value) ? value
                : throw new ArgumentException($"activation '{text}': parameter '{parts[index + 1]}' is out of range; expected a finite number.", nameof(text));
        }

        var parameter = member.Parameters.Count > 0 ? Number(0) : 0;
        var upper = member.Parameters.Count > 1 ? Number(1) : 0;
        return Problem(member, parameter, upper) is { } problem
            ? throw new ArgumentException($"activation '{text}': {problem}.")
            : new ActivationSpec(member.Kind, parameter, upper);
    }

    /// <summary>
    /// Creates the TorchSharp module. <paramref name="channels"/> sizes channel-wise PReLU (dense features or
    /// conv channels on <paramref name="channelDim"/>); the other members ignore it.
    /// </summary>
    public nn.Module<Tensor, Tensor> Create(long channels = 1, int channelDim = 1, string? name = null)
    {
        Native.TorchNative.EnsureLoaded();
        return Member.Create(this, channels, channelDim, name ?? Key);
    }

    /// <summary>f(x) in plain double arithmetic (RReLU in evaluation mode: the mean slope).</summary>
    public double Value(double x) => Member.Value(this, x);

    /// <summary>f′(x) in plain double arithmetic, with PyTorch's convention at x = 0.</summary>
    public double Derivative(double x) => Member.Derivative(this, x);

    /// <inheritdoc />
    public override string ToString() => DisplayName;

    /// <summary>A spec whose parameters are checked against the member's ranges and constraint.</summary>
    private static ActivationSpec Checked(ActivationKind kind, double parameter = 0, double upper = 0)
    {
        var member = ActivationFamily.Of(kind);
        return Problem(member, parameter, upper) is { } problem
            ? throw new ArgumentException($"{member.Key}: {problem}.")
            : new ActivationSpec(kind, parameter, upper);
    }

    /// <summary>The first parameter out of range or the broken constraint, or null.</summary>
    private static string? Problem(ActivationMember member, double parameter, double upper)
    {
        double[] values = [parameter, upper];
        return member.Parameters.Select((p, i) => p.Problem(values[i])).FirstOrDefault(p => p is not null)
               ?? member.Constraint(new ActivationSpec(member.Kind, parameter, upper));
    }

    private IEnumerable<string> Values()
    {
        yield return Key;
        yield return Parameter.ToString("R", CultureInfo.InvariantCulture);
        yield return Upper.ToString("R", CultureInfo.InvariantCulture);
    }
}
