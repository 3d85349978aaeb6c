using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PReluKit.Training;

/// <summary>
/// Splits a model's parameters into PReLU slopes (α) and everything else, and builds optimisers whose
/// weight decay skips α: He et al. (2015) and PyTorch's docs advise against decaying α, since decay pulls it
/// towards 0, i.e. towards ReLU.
/// </summary>
public static class ParameterGroups
{
    /// <summary>The α parameters of every PReLU (the kit's and TorchSharp's) in <paramref name="model"/>.</summary>
    public static IReadOnlyList<Parameter> Alphas(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.modules()
            .Select(m => m switch
            {
                Activations.PReLU kit => kit.Weight,
                TorchSharp.Modules.PReLU native => native.weight,
                _ => null,
            })
            .OfType<Parameter>()
            .ToList();
    }

    /// <summary>Splits the trainable parameters into α and the rest, each in model order.</summary>
    public static (IReadOnlyList<Parameter> Alphas, IReadOnlyList<Parameter> Others) Split(nn.Module model)
    {
        var alphas = Alphas(model);
        var alphaSet = alphas.ToHashSet(ReferenceEqualityComparer.Instance);
        var others = model.parameters().Where(p => p.requires_grad && !alphaSet.Contains(p)).ToList();
        return (alphas, others);
    }

    /// <summary>SGD with momentum; α gets weight decay only when <paramref name="decayAlpha"/> is set (for the ablation).</summary>
    public static SGD Sgd(nn.Module model, double learningRate, double momentum = 0.9, double weightDecay = 0, bool decayAlpha = false)
    {
        var (alphas, others) = Split(model);
        var groups = new List<SGD.ParamGroup>
        {
            new(others, new SGD.Options { LearningRate = learningRate, momentum = momentum, weight_decay = weightDecay }),
        };
        if (alphas.Count > 0)
        {
            groups.Add(new(alphas, new SGD.Options { LearningRate = learningRate, momentum = momentum, weight_decay = decayAlpha ? weightDecay : 0 }));
        }

        return optim.SGD(groups, learningRate, momentum, weight_decay: weightDecay);
    }

    /// <summary>Adam; α gets weight decay only when <paramref name="decayAlpha"/> is set (for the ablation).</summary>
    public static Adam Adam(nn.Module model, double learningRate, double weightDecay = 0, bool decayAlpha = false)
    {
        var (alphas, others) = Split(model);
        var groups = new List<Adam.ParamGroup>
        {
            new(others, new Adam.Options { LearningRate = learningRate, weight_decay = weightDecay }),
        };
        if (alphas.Count > 0)
        {
            groups.Add(new(alphas, new Adam.Options { LearningRate = learningRate, weight_decay = decayAlpha ? weightDecay : 0 }));
        }

        return optim.Adam(groups, learningRate, weight_decay: weightDecay);
    }
}
