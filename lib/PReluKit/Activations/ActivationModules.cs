using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PReluKit.Activations;

/// <summary>Recognises the family's TorchSharp modules in a model.</summary>
public static class ActivationModules
{
    /// <summary>True for the kit's PReLU and TorchSharp's ReLU, ReLU6, LeakyReLU, PReLU, RReLU, ELU and SELU.</summary>
    public static bool IsActivation(nn.Module module) => NegativeSlope(module) is not null;

    /// <summary>
    /// The negative-side slope the module implies for initialisation: PReLU's mean α, Leaky's slope, RReLU's mean
    /// slope, 1 for SELU (LeCun normal), 0 for ReLU, ReLU6 and ELU; null for modules that are not activations.
    /// </summary>
    public static double? NegativeSlope(nn.Module module) => module switch
    {
        PReLU prelu => MeanOf(prelu.Weight),
        TorchSharp.Modules.PReLU prelu => MeanOf(prelu.weight),
        LeakyReLU leaky => leaky.negative_slope,
        RReLU rrelu => (rrelu.lower + rrelu.upper) / 2,
        SELU => 1.0,
        ReLU or ELU or ReLU6 => 0.0,
        _ => null,
    };

    /// <summary>The activation modules of <paramref name="model"/> with their dotted names, in module order.</summary>
    public static IReadOnlyList<(string Name, nn.Module<Tensor, Tensor> Module)> Named(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.named_modules()
            .Where(m => m.module is nn.Module<Tensor, Tensor> && IsActivation(m.module))
            .Select(m => (m.name, (nn.Module<Tensor, Tensor>)m.module))
            .ToList();
    }

    private static double MeanOf(Tensor tensor)
    {
        using var mean = tensor.mean();
        return mean.item<float>();
    }
}
