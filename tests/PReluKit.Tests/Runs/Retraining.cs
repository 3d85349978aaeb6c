using PReluKit.Data;
using PReluKit.Runs;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Tests.Runs;

/// <summary>Retrains a recorded run's first two epochs on the full set and checks them against the record.</summary>
internal static class Retraining
{
    /// <summary>
    /// Same bits where this machine rounds as the recording one did (same numerics fingerprint at the recorded thread
    /// count); within one point of test accuracy where it does not. Callers hold the serial collection (threads are set).
    /// </summary>
    public static void AssertReproduces(RecordedExperiment experiment, RunResult recorded)
    {
        var data = FashionMnist.LoadFull();
        var config = recorded.Config with { Epochs = 2 };
        using var train = data.TrainTensors(config.InputLayout);
        using var test = data.TestTensors(config.InputLayout);
        Assert.Equal(experiment.Manifest.Identity.Data.Fingerprint, DataIdentity.Of(train, test).Fingerprint);

        var threads = get_num_threads();
        set_num_threads(experiment.Provenance.Threads);
        try
        {
            var rerun = Trainer.Run(config, recorded.Seed, train, test);
            var sameRounding = NumericsFingerprint.Compute(experiment.Provenance.Threads) == experiment.Provenance.Numerics;
            foreach (var epoch in new[] { 1, 2 })
            {
                var (was, now) = (recorded.Epochs[epoch], rerun.Epochs[epoch]);
                if (sameRounding)
                {
                    // This machine rounds as the recording machine did: the same bits.
                    Assert.Equal(was.TrainLoss, now.TrainLoss);
                    Assert.Equal(was.TestAccuracy, now.TestAccuracy);
                }
                else
                {
                    // Another CPU or libtorch rounds differently; two epochs in, the runs must still agree closely.
                    Assert.InRange(now.TestAccuracy, was.TestAccuracy - 0.01, was.TestAccuracy + 0.01);
                }
            }
        }
        finally
        {
            set_num_threads(threads);
        }
    }
}
