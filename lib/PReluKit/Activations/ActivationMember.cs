using static TorchSharp.torch;

namespace PReluKit.Activations;

/// <summary>
/// One row of the activation family (<see cref="ActivationFamily"/>): everything the kit knows about a member — its key,
/// display name, colour, parameters, the TorchSharp module it builds, f and f′ in closed form, the negative-side slope
/// He initialisation assumes, and how to recognise its modules in a model.
/// </summary>
public sealed class ActivationMember
{
    /// <summary>Which member.</summary>
    public required ActivationKind Kind { get; init; }

    /// <summary>The key the CLI, notebooks and run files use: relu, leaky, prelu, ….</summary>
    public required string Key { get; init; }

    /// <summary>The member's colour in every chart (hex).</summary>
    public required string Colour { get; init; }

    /// <summary>The parameters a spec of this member carries, in <c>key:p1:p2</c> order.</summary>
    public IReadOnlyList<ActivationParameter> Parameters { get; init; } = [];

    /// <summary>True for the members with learned parameters (PReLU).</summary>
    public bool IsParametric { get; init; }

    /// <summary>The name tables and charts show for a spec.</summary>
    public required Func<ActivationSpec, string> DisplayName { get; init; }

    /// <summary>Builds the module: (spec, channels, channel dim, layer name).</summary>
    public required Func<ActivationSpec, long, int, string, nn.Module<Tensor, Tensor>> Create { get; init; }

    /// <summary>f(x) in double arithmetic (RReLU in evaluation mode).</summary>
    public required Func<ActivationSpec, double, double> Value { get; init; }

    /// <summary>f′(x) in double arithmetic, with PyTorch's convention at x = 0.</summary>
    public required Func<ActivationSpec, double, double> Derivative { get; init; }

    /// <summary>The negative-side slope He initialisation assumes for layers feeding this member.</summary>
    public required Func<ActivationSpec, double> InitSlope { get; init; }

    /// <summary>The spec a module of this member stands for (a PReLU by its mean α), or null for other modules.</summary>
    public required Func<nn.Module, ActivationSpec?> Recognise { get; init; }

    /// <summary>A check across parameters (RReLU: lower ≤ upper); null when the spec is valid.</summary>
    public Func<ActivationSpec, string?> Constraint { get; init; } = _ => null;
}
