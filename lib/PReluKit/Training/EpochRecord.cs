using PReluKit.Metrics;

namespace PReluKit.Training;

/// <summary>
/// What one epoch measured. Epoch 0 is the model at initialisation (before any step: train loss and accuracy are
/// NaN, gradient norms come from one batch without an update).
/// </summary>
/// <param name="Epoch">0 for initialisation, then 1, 2, ….</param>
/// <param name="TrainLoss">Mean cross-entropy over the epoch's batches, as trained.</param>
/// <param name="TrainAccuracy">Share of training samples classified correctly during the epoch.</param>
/// <param name="TestLoss">Mean cross-entropy on the test set after the epoch.</param>
/// <param name="TestAccuracy">Test accuracy after the epoch.</param>
/// <param name="Seconds">Wall time of the epoch's training loop (without evaluation).</param>
/// <param name="Dead">Dead and dormant units per activation layer on the training data after the epoch.</param>
/// <param name="Alphas">Learned α per PReLU layer after the epoch.</param>
/// <param name="GradientNorms">Per-layer gradient norms of the epoch's last batch.</param>
public sealed record EpochRecord(int Epoch, double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy, double Seconds,
                                 IReadOnlyList<LayerDeadness> Dead, IReadOnlyList<AlphaStats> Alphas, IReadOnlyList<LayerGradient> GradientNorms);
