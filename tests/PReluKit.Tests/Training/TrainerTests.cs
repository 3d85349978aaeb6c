using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Kernels;
using PReluKit.Models;
using PReluKit.Runs;
using PReluKit.Training;
using PReluKit.Tests.Infrastructure;
using static TorchSharp.torch;

namespace PReluKit.Tests.Training;

public class TrainerTests(TrainingFixture data) : IClassFixture<TrainingFixture>
{
    private static readonly TrainingConfig Small = TrainingConfig.For(ModelKind.Mlp) with { Hidden = [32, 16], Epochs = 2, BatchSize = 50, LearningRate = 0.05 };

    private static object Comparable(EpochRecord e) => System.Text.Json.JsonSerializer.Serialize(e with { Seconds = 0 }, KitJson.Default.EpochRecord);

    [Fact]
    public void The_same_seed_gives_identical_metrics()
    {
        var config = Small with { Activation = ActivationSpec.PReLU() };
        var a = Trainer.Run(config, 3, data.Train, data.Test);
        var b = Trainer.Run(config, 3, data.Train, data.Test);
        Assert.Equal(a.Epochs.Select(Comparable), b.Epochs.Select(Comparable));
        var c = Trainer.Run(config, 4, data.Train, data.Test);
        Assert.NotEqual(a.Final.TestLoss, c.Final.TestLoss);
    }

    [Fact]
    public void A_run_records_initialisation_and_every_epoch()
    {
        var run = Trainer.Run(Small with { Activation = ActivationSpec.PReLU() }, 1, data.Train, data.Test);
        Assert.Null(run.DivergedAtEpoch);
        Assert.Equal([0, 1, 2], run.Epochs.Select(e => e.Epoch));
        Assert.True(double.IsNaN(run.Epochs[0].TrainLoss));
        Assert.Equal(["fc1_act", "fc2_act"], run.Final.Dead.Select(d => d.Layer));
        Assert.Equal([0.25, 0.25], run.Epochs[0].Alphas.Select(a => Math.Round(a.Mean, 6)));
        Assert.NotEqual(0.25, run.Final.Alphas[0].Mean); // α was trained
        Assert.Equal(32, run.Final.Alphas[0].Values.Count);
        Assert.Contains(run.Epochs[0].GradientNorms, g => g.Layer == "fc1" && g.Norm > 0);
        Assert.True(run.Final.TestAccuracy > 0.5, $"test accuracy {run.Final.TestAccuracy} after two epochs");
        Assert.True(run.Final.Seconds > 0);
    }

    [Fact]
    public void Every_activation_starts_from_the_same_weights_for_a_seed()
    {
        using var relu = Trainer.BuildSeeded(Small, 7, data.Train);
        using var prelu = Trainer.BuildSeeded(Small with { Activation = ActivationSpec.PReLU() }, 7, data.Train);
        var reluWeights = relu.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in prelu.named_parameters().Where(p => !p.name.EndsWith("_act.weight", StringComparison.Ordinal)))
        {
            TensorAssert.Equal(reluWeights[name], parameter);
        }
    }

    [Fact]
    public void A_huge_learning_rate_diverges_and_is_marked()
    {
        var run = Trainer.Run(Small with { LearningRate = 1e12, Epochs = 3 }, 1, data.Train, data.Test);
        Assert.NotNull(run.DivergedAtEpoch);
        Assert.True(run.Diverged);
        Assert.Equal(run.DivergedAtEpoch - 1, run.Final.Epoch);
    }

    [Fact]
    public void The_fast_correct_count_matches_argmax_on_views_of_larger_tensors()
    {
        using var logits = randn([300, 10], generator: new Generator(4));
        using var labels = randint(0, 10, [300], generator: new Generator(5));
        using var logitView = logits.narrow(0, 37, 128);
        using var labelView = labels.narrow(0, 37, 128);
        using var expected = logitView.argmax(1).eq(labelView).sum();
        Assert.Equal(expected.item<long>(), CorrectPredictions.Count(logitView, labelView));
        using var ties = zeros(4, 10);
        Assert.Equal(1, CorrectPredictions.Count(ties, tensor(new long[] { 0, 1, 2, 3 }))); // argmax picks the first maximum
    }

    [Fact]
    public void Cancellation_stops_the_run()
    {
        using var cancel = new CancellationTokenSource();
        var progress = new InlineProgress<TrainingEvent>(e =>
        {
            if (e is BatchProgress)
            {
                cancel.Cancel();
            }
        });
        Assert.ThrowsAny<OperationCanceledException>(() => Trainer.Run(Small, 1, data.Train, data.Test, progress, cancel.Token));
    }

    [Theory]
    [InlineData(ModelKind.Mlp, new[] { "fc1.bias", "fc2.bias" })]
    [InlineData(ModelKind.Cnn, new[] { "conv1.bias", "conv2.bias", "fc1.bias" })]
    public void A_hidden_bias_init_sets_every_bias_but_the_output_layers(ModelKind kind, string[] hidden)
    {
        var config = TrainingConfig.For(kind) with { HiddenBiasInit = -0.5 };
        using var features = kind == ModelKind.Cnn ? data.Train.Features.view(-1, 1, 28, 28).clone() : data.Train.Features.clone();
        using var train = new LabeledTensors(features, data.Train.Labels.clone());
        using var model = Trainer.BuildSeeded(config, 1, train);

        var set = model.named_parameters().Where(p => p.name.EndsWith(".bias", StringComparison.Ordinal) && p.parameter.eq(-0.5).all().item<bool>())
            .Select(p => p.name);
        Assert.Equal(hidden, set);
    }

    [Fact]
    public void Data_that_does_not_fit_the_model_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Trainer.Run(TrainingConfig.For(ModelKind.Cnn) with { Hidden = [32, 16], Epochs = 2, BatchSize = 50, LearningRate = 0.05 }, 1, data.Train, data.Test));
        Assert.Contains("(N, channels, height, width)", error.Message);
        Assert.Throws<ArgumentException>(() => Trainer.Run(Small with { Epochs = 0 }, 1, data.Train, data.Test));
    }
}

[Collection(SerialCollection.Name)]
public class TrainerMemoryTests(TrainingFixture data) : IClassFixture<TrainingFixture>
{
    private static readonly TrainingConfig Small = TrainingConfig.For(ModelKind.Mlp) with { Hidden = [32, 16], Epochs = 2, BatchSize = 50, LearningRate = 0.05 };

    [Fact]
    public void Live_tensors_do_not_grow_across_epochs()
    {
        var counts = new List<long>();
        var progress = new InlineProgress<TrainingEvent>(e =>
        {
            if (e is EpochCompleted)
            {
                counts.Add(Tensor.TotalCount);
            }
        });
        Trainer.Run(Small with { Activation = ActivationSpec.PReLU(), Epochs = 5 }, 2, data.Train, data.Test, progress);
        Assert.Equal(6, counts.Count);
        Assert.True(counts[5] <= counts[1], $"live tensors grew from {counts[1]} after epoch 1 to {counts[5]} after epoch 5");
    }
}
