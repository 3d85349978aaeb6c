namespace PReluKit.Training;

/// <summary>The training settings each model uses unless told otherwise: the one place the CLI, notebooks and benchmarks read them.</summary>
public static class ModelDefaults
{
    /// <summary>
    /// The learning rate that trains every member of the family stably on Fashion-MNIST: with SGD (momentum 0.9) 0.05 for
    /// the MLP and 0.02 for the CNN (PReLU CNNs diverged in their first epoch at 0.05; all members trained at 0.02 and
    /// 0.01); with Adam 0.001, its usual default.
    /// </summary>
    public static double LearningRate(ModelKind model, OptimizerKind optimizer = OptimizerKind.Sgd) =>
        optimizer == OptimizerKind.Adam ? 0.001 : model == ModelKind.Cnn ? 0.02 : 0.05;

    /// <summary>Epochs of a comparison on the shipped subset: 8 for the MLP, 3 for the CNN.</summary>
    public static int Epochs(ModelKind model) => model == ModelKind.Cnn ? 3 : 8;
}
