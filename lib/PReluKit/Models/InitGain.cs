namespace PReluKit.Models;

/// <summary>
/// Which He gain the weight layers of a run start from (He et al. 2015: std = √(2 / ((1 + a²)·fan_in)) for the slope a of
/// the activation after the layer). The choice is part of a run's configuration and identity: runs made under one rule are
/// never taken for runs of the other.
/// </summary>
public enum InitGain
{
    /// <summary>
    /// ReLU's gain (a = 0) for every activation, so that all activations of a seed start from identical weights. The
    /// kit's default, and the rule of every run recorded before the choice existed (a stored config without the field).
    /// </summary>
    Relu,

    /// <summary>
    /// Each activation's own gain, a = <see cref="Activations.ActivationSpec.InitSlope"/>: 0 for ReLU, the slope for Leaky
    /// ReLU, the starting α for PReLU. For a seed the weights are ReLU's scaled by √(1 / (1 + a²)).
    /// </summary>
    PerActivation,
}
