using PReluKit.Models;
using PReluKit.Training;

namespace PReluKit.Tests.Training;

/// <summary>The one failure rule on records: a non-finite loss after a trained epoch, a stop on one, or chance accuracy at the end.</summary>
public class FailureRuleTests
{
    private static readonly TrainingConfig TwoEpochs = TrainingConfig.For(ModelKind.Mlp) with { Epochs = 2 };

    [Fact]
    public void A_run_that_learned_trained()
    {
        var run = new RunResult(TwoEpochs, 1, [Record(0, double.NaN, 0.1), Record(1, 0.9, 0.6), Record(2, 0.5, 0.8)], null);
        Assert.Equal(RunOutcome.Trained, run.Outcome);
        Assert.False(run.Failed);
    }

    [Fact]
    public void A_nan_test_loss_with_a_finite_training_loss_is_a_divergence_in_that_epoch()
    {
        var run = new RunResult(TwoEpochs, 1, [Record(0, double.NaN, 0.1), Record(1, 0.9, 0.6), Record(2, 3e30, 0.12, testLoss: double.NaN)], null);
        Assert.Equal(RunOutcomeKind.Diverged, run.Outcome.Kind);
        Assert.Equal(2, run.Outcome.Epoch);
        Assert.Contains("test loss was NaN", run.Outcome.Reason, StringComparison.Ordinal);
        Assert.True(run.Diverged && run.Failed);
    }

    [Fact]
    public void A_stop_on_a_training_batch_loss_is_a_divergence_in_that_epoch()
    {
        var run = new RunResult(TwoEpochs, 1, [Record(0, double.NaN, 0.1), Record(1, 0.9, 0.6)], 2);
        Assert.Equal(new RunOutcome(RunOutcomeKind.Diverged, 2, "diverged in epoch 2: a training batch loss was NaN or infinite"), run.Outcome);
    }

    [Theory]
    [InlineData(0.15, RunOutcomeKind.Collapsed)]
    [InlineData(0.1, RunOutcomeKind.Collapsed)]
    [InlineData(0.155, RunOutcomeKind.Trained)]
    public void A_run_that_ends_at_chance_collapsed(double accuracy, RunOutcomeKind expected)
    {
        var run = new RunResult(TwoEpochs, 1, [Record(0, double.NaN, 0.1), Record(1, 2.3, 0.5), Record(2, 2.3, accuracy)], null);
        Assert.Equal(expected, run.Outcome.Kind);
        Assert.Equal(0.15, FailureRule.ChanceAccuracy(10), 12);
    }

    private static EpochRecord Record(int epoch, double trainLoss, double testAccuracy, double testLoss = 1.0) =>
        new(epoch, trainLoss, epoch == 0 ? double.NaN : 0.5, testLoss, testAccuracy, epoch == 0 ? 0 : 1, [], [], []);
}
