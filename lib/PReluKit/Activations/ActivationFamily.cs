using System.Globalization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PReluKit.Activations;

/// <summary>
/// The rectifier family as one table, in the kit's usual order: ReLU, Leaky ReLU, PReLU (channel-wise and shared),
/// RReLU, ELU and SELU. Every other part of the kit (parsing, modules, plots, colours, initialisation) reads it here.
/// </summary>
public static class ActivationFamily
{
    /// <summary>SELU's α (Klambauer et al. 2017), as in PyTorch.</summary>
    public const double SeluAlpha = 1.6732632423543772848170429916717;

    /// <summary>SELU's scale λ (Klambauer et al. 2017), as in PyTorch.</summary>
    public const double SeluScale = 1.0507009873554804934193349852946;

    /// <summary>RReLU's default lower bound on its random slope, 1/8, as in PyTorch.</summary>
    public const double RReluLower = 1.0 / 8;

    /// <summary>RReLU's default upper bound on its random slope, 1/3, as in PyTorch.</summary>
    public const double RReluUpper = 1.0 / 3;

    /// <summary>ELU's default α, 1, as in PyTorch.</summary>
    public const double EluAlpha = 1.0;

    private const string MonotoneSlope =
        "a negative slope makes the unit non-monotonic, and above 1 its negative side is steeper than its positive side";

    /// <summary>Every member, in the kit's usual order.</summary>
    public static IReadOnlyList<ActivationMember> Members { get; } =
    [
        new()
        {
            Kind = ActivationKind.ReLU, Key = "relu", Colour = "#1f77b4",
            DisplayName = _ => "ReLU",
            Create = (_, _, _, _) => nn.ReLU(),
            Value = (_, x) => x > 0 ? x : 0.0,
            Derivative = (_, x) => x > 0 ? 1.0 : 0.0,
            InitSlope = _ => 0.0,
            Recognise = m => m is ReLU or ReLU6 ? ActivationSpec.ReLU() : null,
        },
        new()
        {
            Kind = ActivationKind.LeakyReLU, Key = "leaky", Colour = "#ff7f0e",
            Parameters = [new("slope", AlphaInit.Leaky, 0, 1, MonotoneSlope)],
            DisplayName = s => $"Leaky ReLU ({Format(s.Parameter)})",
            Create = (s, _, _, _) => nn.LeakyReLU(s.Parameter),
            Value = Rectifier, Derivative = RectifierSlope, InitSlope = s => s.Parameter,
            Recognise = m => m is LeakyReLU leaky ? new ActivationSpec(ActivationKind.LeakyReLU, leaky.negative_slope) : null,
        },
        new()
        {
            Kind = ActivationKind.PReLUChannelWise, Key = "prelu", Colour = "#2ca02c", IsParametric = true,
            Parameters = [new("α₀", AlphaInit.He, 0, 1, MonotoneSlope)],
            DisplayName = s => s.Parameter == AlphaInit.He ? "PReLU (channel-wise)" : $"PReLU (channel-wise, α₀ = {Format(s.Parameter)})",
            Create = (s, channels, dim, name) => PReLU.ChannelWise(channels, dim, s.Parameter, name: name),
            Value = Rectifier, Derivative = RectifierSlope, InitSlope = s => s.Parameter,
            Recognise = m => AlphaOf(m, shared: false) is { } alpha ? new ActivationSpec(ActivationKind.PReLUChannelWise, alpha) : null,
        },
        new()
        {
            Kind = ActivationKind.PReLUShared, Key = "prelu-shared", Colour = "#d62728", IsParametric = true,
            Parameters = [new("α₀", AlphaInit.He, 0, 1, MonotoneSlope)],
            DisplayName = s => s.Parameter == AlphaInit.He ? "PReLU (shared)" : $"PReLU (shared, α₀ = {Format(s.Parameter)})",
            Create = (s, _, _, name) => PReLU.Shared(s.Parameter, name: name),
            Value = Rectifier, Derivative = RectifierSlope, InitSlope = s => s.Parameter,
            Recognise = m => AlphaOf(m, shared: true) is { } alpha ? new ActivationSpec(ActivationKind.PReLUShared, alpha) : null,
        },
        new()
        {
            Kind = ActivationKind.RReLU, Key = "rrelu", Colour = "#9467bd",
            Parameters = [new("lower", RReluLower, 0, 1, MonotoneSlope), new("upper", RReluUpper, 0, 1, MonotoneSlope)],
            Constraint = s => s.Parameter <= s.Upper ? null : $"lower must not exceed upper, got lower = {Format(s.Parameter)}, upper = {Format(s.Upper)}",
            DisplayName = s => $"RReLU ({Format(s.Parameter)}–{Format(s.Upper)})",
            Create = (s, _, _, _) => nn.RReLU(s.Parameter, s.Upper),
            Value = Rectifier, Derivative = RectifierSlope, InitSlope = s => (s.Parameter + s.Upper) / 2,
            Recognise = m => m is RReLU r ? new ActivationSpec(ActivationKind.RReLU, r.lower, r.upper) : null,
        },
        new()
        {
            Kind = ActivationKind.ELU, Key = "elu", Colour = "#8c564b",
            Parameters = [new("α", EluAlpha, 0, 10, "0 gives ReLU; beyond 10 the negative side's floor −α dwarfs the unit's usual outputs")],
            DisplayName = s => s.Parameter == EluAlpha ? "ELU" : $"ELU (α = {Format(s.Parameter)})",
            Create = (s, _, _, _) => nn.ELU(s.Parameter),
            Value = (s, x) => x > 0 ? x : s.Parameter * double.ExpM1(x),
            Derivative = (s, x) => x > 0 ? 1.0 : s.Parameter * Math.Exp(x),
            InitSlope = _ => 0.0,
            Recognise = m => m is ELU elu ? new ActivationSpec(ActivationKind.ELU, elu.alpha) : null,
        },
        new()
        {
            Kind = ActivationKind.SELU, Key = "selu", Colour = "#e377c2",
            DisplayName = _ => "SELU",
            Create = (_, _, _, _) => nn.SELU(),
            Value = (_, x) => SeluScale * (x > 0 ? x : SeluAlpha * double.ExpM1(x)),
            Derivative = (_, x) => SeluScale * (x > 0 ? 1.0 : SeluAlpha * Math.Exp(x)),
            InitSlope = _ => 1.0, // LeCun normal, which SELU's self-normalisation assumes
            Recognise = m => m is SELU ? ActivationSpec.SELU() : null,
        },
    ];

    /// <summary>Every key, in the kit's usual order.</summary>
    public static IReadOnlyList<string> Keys { get; } = [.. Members.Select(m => m.Key)];

    /// <summary>The member of <paramref name="kind"/>.</summary>
    public static ActivationMember Of(ActivationKind kind) => Members.First(m => m.Kind == kind);

    /// <summary>The member with <paramref name="key"/> (lower case), or null.</summary>
    public static ActivationMember? ByKey(string key) => Members.FirstOrDefault(m => m.Key == key);

    /// <summary>The spec a module stands for (a PReLU by its mean α, a Leaky ReLU by its slope), or null when it is not an activation of the family.</summary>
    public static ActivationSpec? SpecOf(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return Members.Select(m => m.Recognise(module)).FirstOrDefault(s => s is not null);
    }

    /// <summary>Numbers in names: up to three decimals.</summary>
    internal static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static double Rectifier(ActivationSpec spec, double x) => x > 0 ? x : spec.InitSlope * x;

    private static double RectifierSlope(ActivationSpec spec, double x) => x > 0 ? 1.0 : spec.InitSlope;

    /// <summary>The mean α of a kit or TorchSharp PReLU whose α is shared (one value) or not, as asked; else null.</summary>
    private static double? AlphaOf(nn.Module module, bool shared)
    {
        var weight = module switch
        {
            PReLU kit => kit.Weight,
            TorchSharp.Modules.PReLU native => native.weight,
            _ => null,
        };
        if (weight is null || (weight.numel() == 1) != shared)
        {
            return null;
        }

        using var mean = weight.mean();
        return mean.item<float>();
    }
}
