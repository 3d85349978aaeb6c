namespace PReluKit.Activations;

/// <summary>
/// The learned coefficients He et al. (2015, arXiv:1502.01852) report in their Table 1 for the first convolution layer of
/// their 14-layer ImageNet model: the reference the kit's learned α are set beside.
/// </summary>
public static class HeTableOne
{
    /// <summary>conv1's α with channel-shared PReLU.</summary>
    public const double Conv1Shared = 0.681;

    /// <summary>The mean of conv1's α over channels with channel-wise PReLU.</summary>
    public const double Conv1ChannelWiseMean = 0.596;
}
