namespace PReluKit.Training;

/// <summary>The optimisers the harness offers.</summary>
public enum OptimizerKind
{
    /// <summary>SGD with momentum.</summary>
    Sgd,

    /// <summary>Adam.</summary>
    Adam,
}
