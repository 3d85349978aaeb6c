using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Runs;
using PReluKit.Tests.Training;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Tests.Models;

/// <summary>The deep plain CNN (<c>--model plaincnn</c>): its layers, size, work, and that it trains reproducibly.</summary>
public class PlainCnnTests(TrainingFixture data) : IClassFixture<TrainingFixture>
{
    private static readonly TrainingConfig Tiny = TrainingConfig.For(ModelKind.PlainCnn) with { Epochs = 1, BatchSize = 100 };

    private static object Comparable(EpochRecord e) => System.Text.Json.JsonSerializer.Serialize(e with { Seconds = 0 }, KitJson.Default.EpochRecord);

    /// <summary>The fixture's flat 28×28 images as N×1×28×28 (views: the fixture keeps the storage).</summary>
    private static LabeledTensors Images(LabeledTensors flat) => new(flat.Features.view(-1, 1, 28, 28), flat.Labels.view(-1));

    [Fact]
    public void Eight_conv_layers_in_four_blocks_pool_28_to_3_and_end_in_one_linear_classifier()
    {
        using var model = PlainCnn.Create(ActivationSpec.ReLU(), generator: new Generator(1));
        Assert.Equal(
            ["conv1", "conv1_act", "conv2", "conv2_act", "pool1", "conv3", "conv3_act", "conv4", "conv4_act", "pool2",
             "conv5", "conv5_act", "conv6", "conv6_act", "pool3", "conv7", "conv7_act", "conv8", "conv8_act", "flatten", "out"],
            model.named_children().Select(c => c.name));

        // Each block's output, sent through the layers one by one: 8×28×28, 16×14×14, 32×7×7, 64×3×3, then 10 logits.
        using var scope = NewDisposeScope();
        var x = randn(3, 1, 28, 28);
        var shapes = new Dictionary<string, long[]>();
        foreach (var (name, layer) in model.named_children())
        {
            x = ((nn.Module<Tensor, Tensor>)layer).call(x);
            shapes[name] = x.shape;
        }

        Assert.Equal([3L, 8, 28, 28], shapes["conv2_act"]);
        Assert.Equal([3L, 16, 14, 14], shapes["conv4_act"]);
        Assert.Equal([3L, 32, 7, 7], shapes["conv6_act"]);
        Assert.Equal([3L, 64, 3, 3], shapes["conv8_act"]);
        Assert.Equal([3L, 576], shapes["flatten"]);
        Assert.Equal([3L, 10], shapes["out"]);
    }

    [Fact]
    public void Its_parameters_and_forward_work_are_those_counted_by_hand()
    {
        // 3×3 weights + bias per output channel; in → out channels: 1→8, 8→8 | 8→16, 16→16 | 16→32, 32→32 | 32→64, 64→64.
        long Conv(long input, long output) => (9 * input * output) + output;
        var weights = Conv(1, 8) + Conv(8, 8) + Conv(8, 16) + Conv(16, 16) + Conv(16, 32) + Conv(32, 32) + Conv(32, 64) + Conv(64, 64)
                      + (64 * 3 * 3 * 10) + 10;
        Assert.Equal(79_234, weights);
        using var relu = PlainCnn.Create(ActivationSpec.ReLU());
        using var prelu = PlainCnn.Create(ActivationSpec.PReLU());
        Assert.Equal(weights, relu.parameters().Sum(p => p.numel()));
        Assert.Equal(weights + (2 * (8 + 16 + 32 + 64)), prelu.parameters().Sum(p => p.numel())); // one α per conv channel

        // Multiply-accumulates: weights × output pixels per conv (28², 14², 7², 3²), the classifier's weights.
        double macs = (9.0 * 784 * ((1 * 8) + (8 * 8))) + (9.0 * 196 * ((8 * 16) + (16 * 16))) + (9.0 * 49 * ((16 * 32) + (32 * 32)))
                      + (9.0 * 9 * ((32 * 64) + (64 * 64))) + (576 * 10);
        Assert.Equal(2_366_208, macs);
        Assert.Equal(macs, ModelFlops.ForwardMultiplyAccumulates(relu, [1, 28, 28]));
        using var small = SmallCnn.Create(ActivationSpec.ReLU());
        var ratio = macs / ModelFlops.ForwardMultiplyAccumulates(small, [1, 28, 28]);
        Assert.InRange(ratio, 1.94, 1.95); // the factor data/recorded/README.md's cost estimate ("Planned") scales the small CNN's epoch by
    }

    [Fact]
    public void The_model_family_builds_it_for_plaincnn_and_counts_one_activation_layer_per_conv()
    {
        var member = ModelFamily.Of(ModelKind.PlainCnn);
        Assert.Equal("plaincnn", member.Key);
        Assert.Equal(ImageLayout.Image, member.InputLayout);
        using var model = member.Create(new ModelBlueprint(ActivationSpec.PReLU(), [1, 28, 28], Channels: [4, 4, 8]));
        var units = model.named_children().Where(c => c.name.EndsWith("_act", StringComparison.Ordinal))
            .Select(c => (int)((PReluKit.Activations.PReLU)c.module).Weight.numel()).ToList();
        Assert.Equal([4, 4, 4, 4, 8, 8], units);
        Assert.Equal(units, member.ActivationUnits(null, [4, 4, 8]));
        Assert.Equal([8, 8, 16, 16, 32, 32, 64, 64], member.ActivationUnits(null, null));
    }

    [Fact]
    public void Too_many_blocks_for_the_image_are_rejected_naming_the_size()
    {
        var error = Assert.Throws<ArgumentException>(() => PlainCnn.Create(ActivationSpec.ReLU(), imageSize: 4, channels: [4, 4, 4, 4]));
        Assert.Contains("imageSize = 4", error.Message);
    }

    [Theory]
    [InlineData("relu")]
    [InlineData("leaky:0.01")]
    [InlineData("prelu")]
    [InlineData("prelu:0.01")]
    public void One_training_step_lowers_the_loss_on_a_tiny_set(string activation)
    {
        var config = Tiny with { Activation = ActivationSpec.Parse(activation), InitGain = InitGain.PerActivation };
        using var images = Images(data.Train);
        using var batch = images.First(64);
        using var model = Trainer.BuildSeeded(config, 0, batch);
        using var loss = nn.CrossEntropyLoss();
        using var optimizer = optim.SGD(model.parameters(), config.LearningRate, config.Momentum);
        double Loss()
        {
            using var scope = NewDisposeScope();
            return loss.call(model.call(batch.Features), batch.Labels).item<float>();
        }

        var before = Loss();
        using (var scope = NewDisposeScope())
        {
            optimizer.zero_grad();
            loss.call(model.call(batch.Features), batch.Labels).backward();
            optimizer.step();
        }

        var after = Loss();
        Assert.True(after < before, $"{activation}: loss {before} before the step, {after} after");
    }

    [Fact]
    public void The_same_seed_gives_identical_metrics()
    {
        using var train = Images(data.Train);
        using var test = Images(data.Test);
        var config = Tiny with { Activation = ActivationSpec.PReLU(0.01), InitGain = InitGain.PerActivation, DeadSampleLimit = 200 };
        var a = Trainer.Run(config, 3, train, test);
        var b = Trainer.Run(config, 3, train, test);
        Assert.Null(a.DivergedAtEpoch);
        Assert.Equal(8, a.Final.Dead.Count); // one entry per conv layer's activation
        Assert.Equal(a.Epochs.Select(Comparable), b.Epochs.Select(Comparable));
        var c = Trainer.Run(config, 4, train, test);
        Assert.NotEqual(a.Final.TestLoss, c.Final.TestLoss);
    }
}
