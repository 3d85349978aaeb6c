using System.Text.Json;
using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Runs;
using PReluKit.Tests.Infrastructure;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Tests.Models;

/// <summary>
/// The initialisation rule of a run (<see cref="InitGain"/>, <c>--init</c>): each activation's own He gain on request, ReLU's
/// for every activation by default, and stored runs of the default keeping their keys.
/// </summary>
public class InitGainTests
{
    /// <summary>An MLP wide enough that each layer's sample std lies within a fraction of a percent of the std it is drawn with.</summary>
    private static readonly TrainingConfig Wide = TrainingConfig.For(ModelKind.Mlp) with { Hidden = [512, 512] };

    private static nn.Module<Tensor, Tensor> Build(TrainingConfig config, ActivationSpec activation, ulong seed = 11)
    {
        long[] sample = config.InputLayout == ImageLayout.Image ? [1, 1, 28, 28] : [1, 784];
        using var input = new LabeledTensors(zeros(sample), zeros(1, ScalarType.Int64));
        return Trainer.BuildSeeded(config with { Activation = activation }, seed, input);
    }

    /// <summary>Each weight layer's weight (not PReLU's α), in order, with its fan-in.</summary>
    private static List<(string Name, Tensor Weight, long FanIn)> WeightLayers(nn.Module model) =>
    [
        .. model.named_parameters()
            .Where(p => p.name.EndsWith(".weight", StringComparison.Ordinal) && !p.name.Contains("_act", StringComparison.Ordinal))
            .Select(p => (p.name, (Tensor)p.parameter, p.parameter.shape.Skip(1).Aggregate(1L, (a, b) => a * b))),
    ];

    [Theory]
    [InlineData(ModelKind.Mlp, "relu", 0.0)]
    [InlineData(ModelKind.Mlp, "leaky:0.01", 0.01)]
    [InlineData(ModelKind.Mlp, "leaky:0.25", 0.25)]
    [InlineData(ModelKind.Mlp, "prelu", 0.25)]
    [InlineData(ModelKind.Mlp, "prelu:0.01", 0.01)]
    [InlineData(ModelKind.PlainCnn, "leaky:0.25", 0.25)]
    [InlineData(ModelKind.PlainCnn, "prelu:0.01", 0.01)]
    public void Per_activation_draws_each_layer_with_its_activations_He_std(ModelKind kind, string activation, double slope)
    {
        var config = (kind == ModelKind.Mlp ? Wide : TrainingConfig.For(kind)) with { InitGain = InitGain.PerActivation };
        using var model = Build(config, ActivationSpec.Parse(activation));
        var layers = WeightLayers(model);
        foreach (var (name, weight, fanIn) in layers)
        {
            // The output layer has no activation after it: std = √(1 / fan_in) under either rule.
            var expected = name.StartsWith("out", StringComparison.Ordinal) ? Math.Sqrt(1.0 / fanIn) : Math.Sqrt(2.0 / ((1 + (slope * slope)) * fanIn));
            using var std = weight.std();
            // The sample std of n normal draws has a relative standard error of about 1 / √(2(n − 1)); allow four of them.
            var tolerance = 4 / Math.Sqrt(2.0 * (weight.numel() - 1));
            Assert.True(Math.Abs((std.item<float>() / expected) - 1) <= tolerance,
                        $"{activation}, {name} (fan-in {fanIn}): std {std.item<float>():G5}, expected {expected:G5} ± {tolerance:P2}");
        }
    }

    [Fact]
    public void Slope_025_is_told_apart_from_ReLUs_gain_and_each_seed_scales_the_same_draws()
    {
        // The two rules differ by √(1 + 0.25²) ≈ 3 %; the widest layer's sampling error is 0.14 %: the check above can fail.
        using var relu = Build(Wide, ActivationSpec.PReLU());
        using var own = Build(Wide with { InitGain = InitGain.PerActivation }, ActivationSpec.PReLU());
        foreach (var ((name, reluWeight, _), (_, ownWeight, _)) in WeightLayers(relu).Zip(WeightLayers(own)))
        {
            // Paired still: a seed draws the same normal values under both rules, only scaled (the output layer not at all).
            var ratio = name.StartsWith("out", StringComparison.Ordinal) ? 1 : 1 / Math.Sqrt(1 + (0.25 * 0.25));
            using var scaled = reluWeight.mul(ratio);
            Assert.True(ownWeight.allclose(scaled, rtol: 1e-5, atol: 1e-8), $"{name}: not ReLU's draws × {ratio:G5}");
        }
    }

    [Theory]
    [InlineData(ModelKind.Mlp)]
    [InlineData(ModelKind.Cnn)]
    [InlineData(ModelKind.PlainCnn)]
    public void The_default_is_relus_gain_for_every_activation_so_a_seed_starts_every_activation_from_the_same_weights(ModelKind kind)
    {
        var config = TrainingConfig.For(kind);
        Assert.Equal(InitGain.Relu, config.InitGain);
        using var relu = Build(config, ActivationSpec.ReLU());
        using var prelu = Build(config, ActivationSpec.PReLU());
        using var leaky = Build(config, ActivationSpec.Leaky(0.25));
        foreach (var ((name, weight, _), (_, preluWeight, _), (_, leakyWeight, _)) in WeightLayers(relu).Zip(WeightLayers(prelu), WeightLayers(leaky)))
        {
            TensorAssert.Equal(weight, preluWeight);
            TensorAssert.Equal(weight, leakyWeight);
        }
    }

    [Fact]
    public void The_rule_is_written_only_when_not_the_default_and_a_config_without_it_reads_as_relus_gain()
    {
        var plain = JsonSerializer.Serialize(Wide, KitJson.Default.TrainingConfig);
        Assert.DoesNotContain(nameof(TrainingConfig.InitGain), plain, StringComparison.Ordinal);
        Assert.Equal(InitGain.Relu, JsonSerializer.Deserialize(plain, KitJson.Default.TrainingConfig)!.InitGain);

        var own = JsonSerializer.Serialize(Wide with { InitGain = InitGain.PerActivation }, KitJson.Default.TrainingConfig);
        Assert.Contains("\"InitGain\": \"PerActivation\"", own, StringComparison.Ordinal);
        Assert.Equal(InitGain.PerActivation, JsonSerializer.Deserialize(own, KitJson.Default.TrainingConfig)!.InitGain);

        // Part of the comparison's identity: runs of the two rules get other keys, so other file names, and never mix.
        var data = new DataIdentity("d", 1, 1, "0123456789abcdef");
        Assert.NotEqual(ComparisonIdentity.Of(Wide, data, 1).Key, ComparisonIdentity.Of(Wide with { InitGain = InitGain.PerActivation }, data, 1).Key);
        Assert.Contains(ComparisonIdentity.Of(Wide with { InitGain = InitGain.PerActivation }, data, 1).DifferencesFrom(ComparisonIdentity.Of(Wide, data, 1)),
                        d => d.StartsWith("InitGain:", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_shipped_recording_keeps_its_settings_key_and_run_file_names()
    {
        var recorded = RepositoryRoot.Combine("data", "recorded");
        var manifests = Directory.GetFiles(recorded, ComparisonManifest.FileName, SearchOption.AllDirectories);
        Assert.True(manifests.Length >= 18, $"{manifests.Length} comparisons under {recorded}"); // cnn-full, mlp-full and the 16 cells of depth-lr
        foreach (var path in manifests)
        {
            var manifest = StoredFiles.ReadManifest(path);
            var stored = manifest.Identity;
            var now = ComparisonIdentity.Of(manifest.Config.Training, stored.Data, stored.Threads, stored.Numerics);
            Assert.Equal(InitGain.Relu, manifest.Config.Training.InitGain);
            Assert.Equal(stored.Settings, now.Settings);
            Assert.Equal(stored.Key, now.Key);
            var runs = Path.Combine(Path.GetDirectoryName(path)!, "runs");
            var expected = manifest.Config.Runs().Select(r => new RunIdentity(now, r.Config, r.Seed).FileName).Order(StringComparer.Ordinal);
            Assert.Equal(expected, Directory.GetFiles(runs, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("he-relu", InitGain.Relu)]
    [InlineData("He-Per-Activation", InitGain.PerActivation)]
    public void Keys_parse_and_name_their_rule(string key, InitGain gain)
    {
        Assert.Equal(gain, InitGains.Parse(key));
        Assert.Equal(key.ToLowerInvariant(), gain.Key());
    }

    [Fact]
    public void An_unknown_key_is_refused_listing_the_keys()
    {
        var error = Assert.Throws<ArgumentException>(() => InitGains.Parse("xavier"));
        Assert.Contains("'xavier'", error.Message);
        Assert.Contains("he-relu, he-per-activation", error.Message);
    }
}
