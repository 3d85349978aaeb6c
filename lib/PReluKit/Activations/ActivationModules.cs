using static TorchSharp.torch;

namespace PReluKit.Activations;

/// <summary>Finds the family's TorchSharp modules in a model (by <see cref="ActivationFamily.SpecOf"/>).</summary>
public static class ActivationModules
{
    /// <summary>True for the kit's PReLU and TorchSharp's ReLU, ReLU6, LeakyReLU, PReLU, RReLU, ELU and SELU.</summary>
    public static bool IsActivation(nn.Module module) => ActivationFamily.SpecOf(module) is not null;

    /// <summary>
    /// The negative-side slope the module implies for initialisation (<see cref="ActivationSpec.InitSlope"/> of the spec it
    /// stands for: PReLU's mean α, Leaky's slope, RReLU's mean slope, 1 for SELU, 0 for ReLU, ReLU6 and ELU); null for
    /// modules that are not activations.
    /// </summary>
    public static double? NegativeSlope(nn.Module module) => ActivationFamily.SpecOf(module)?.InitSlope;

    /// <summary>The activation modules of <paramref name="model"/> with their dotted names, in module order.</summary>
    public static IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Module)> Named(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.named_modules()
            .Where(m => m.module is nn.Module<Tensor, Tensor> && IsActivation(m.module))
            .Select(m => (m.name, (nn.Module<Tensor, Tensor>)m.module))
            .ToList();
    }
}
