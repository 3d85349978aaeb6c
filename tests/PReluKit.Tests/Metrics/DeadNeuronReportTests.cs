using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Metrics;
using PReluKit.Models;
using static TorchSharp.torch;

namespace PReluKit.Tests.Metrics;

public class DeadNeuronReportTests
{
    private static LabeledTensors Inputs(int count = 256, int features = 4) =>
        new(rand([count, features], generator: new Generator(1)), zeros(count, dtype: ScalarType.Int64)); // inputs in [0, 1)

    /// <summary>fc1: 6 units, of which units 1 and 4 get a bias of −100 and can never be positive on inputs in [0, 1).</summary>
    private static nn.Module<Tensor, Tensor> WithKilledUnits(ActivationSpec activation)
    {
        var model = Mlp.Create(activation, inputs: 4, hidden: [6, 3], classes: 2, generator: new Generator(2));
        using var noGrad = no_grad();
        var bias = model.named_parameters().Single(p => p.name == "fc1.bias").parameter;
        bias.zero_();
        bias[1] = tensor(-100f);
        bias[4] = tensor(-100f);
        var weight = model.named_parameters().Single(p => p.name == "fc1.weight").parameter;
        weight.abs_().clamp_(max: 1); // positive weights: every other unit is positive for some input
        return model;
    }

    [Fact]
    public void Exactly_the_units_killed_by_negative_biases_are_reported_dead()
    {
        using var data = Inputs();
        using var model = WithKilledUnits(ActivationSpec.ReLU());
        var report = DeadNeuronReport.Measure(model, data, batchSize: 100);

        Assert.Equal(["fc1_act", "fc2_act"], report.Layers.Select(l => l.Layer));
        var fc1 = report.Layers[0];
        Assert.Equal(6, fc1.Units);
        Assert.Equal(2, fc1.DeadUnits);
        Assert.Equal(100.0 * 2 / 6, fc1.DeadPercent, 10);
        Assert.Equal([1, 4], report.Units[0].DeadUnits);
        Assert.Equal(2, fc1.Dormant[Tau.Zero]); // a dead ReLU unit is 0-dormant
    }

    [Fact]
    public void Leaky_units_with_the_same_biases_are_never_positive_yet_not_silent()
    {
        using var data = Inputs();
        using var model = WithKilledUnits(ActivationSpec.Leaky());
        var report = DeadNeuronReport.Measure(model, data);
        Assert.Equal(2, report.Layers[0].DeadUnits);    // never positive …
        Assert.Equal(0, report.Layers[0].Dormant[Tau.Zero]); // … but their outputs are not 0
        Assert.All(report.Units[0].MeanAbsOutput, m => Assert.True(m > 0));
    }

    [Fact]
    public void Dormancy_scores_match_a_hand_computed_case()
    {
        // Outputs per unit over two samples: unit0 |1|,|3| → 2; unit1 |−0.01·…| small; unit2 0,0 → 0; unit3 4,4 → 4.
        using var relu = nn.Sequential(("act", nn.ReLU()));
        using var recorder = new ActivationRecorder(relu);
        using (no_grad())
        {
            relu.call(tensor(new float[,] { { 1, 0.1f, -1, 4 }, { 3, -5, -2, 4 } }));
        }

        var unit = recorder.Report().Units[0];
        Assert.Equal([2.0, 0.05, 0.0, 4.0], unit.MeanAbsOutput.Select(v => Math.Round(v, 6)));
        var layerMean = (2 + 0.05 + 0 + 4) / 4.0;
        Assert.Equal(2 / layerMean, unit.DormancyScore[0], 6);
        Assert.Equal(0.05 / layerMean, unit.DormancyScore[1], 6); // 0.033 → dormant at τ = 0.1, not at 0.025
        var layer = recorder.Report().Layers[0];
        Assert.Equal(1, layer.Dormant[Tau.Zero]);
        Assert.Equal(1, layer.Dormant[new Tau(0.025)]);
        Assert.Equal(2, layer.Dormant[Tau.Standard]);
        Assert.Equal([1.0, 0.5, 0.0, 1.0], unit.OnRate);
        Assert.Equal(0.625, layer.MeanOnRate, 10);
    }

    [Fact]
    public void Conv_channels_are_units_and_positions_count_as_samples()
    {
        using var relu = nn.Sequential(("act", nn.ReLU()));
        using var recorder = new ActivationRecorder(relu);
        var x = ones(2, 3, 4, 4);
        x[TensorIndex.Colon, 1] = -ones(2, 4, 4);
        x[0, 2, 0, 0] = tensor(-1f);
        using (no_grad())
        {
            relu.call(x);
        }

        var unit = recorder.Report().Units[0];
        Assert.Equal([1, 0, 31.0 / 32], unit.OnRate.Select(r => Math.Round(r, 10)));
        Assert.Equal([1], unit.DeadUnits);
    }

    [Fact]
    public void A_diverged_layer_leaves_NaN_out_of_the_histogram_and_infinities_in_the_edge_bins()
    {
        using var relu = nn.Sequential(("act", nn.ReLU()));
        using var recorder = new ActivationRecorder(relu);
        using (no_grad())
        {
            relu.call(tensor(new[] { float.NaN, float.PositiveInfinity, 1f, float.NaN }).reshape(4, 1)).Dispose();
        }

        var histogram = recorder.Report().Units[0].Histogram;
        Assert.Equal(2, histogram.Counts.Sum());
        Assert.Equal(1, histogram.Counts[^1]);
    }

    [Fact]
    public void Hooks_record_through_call_but_not_through_forward()
    {
        using var model = Mlp.Create(ActivationSpec.ReLU(), inputs: 4, hidden: [5], classes: 2);
        using var recorder = new ActivationRecorder(model);
        long Recorded() => recorder.Report().Units[0].Histogram.Counts.Sum();
        var fc1Act = (nn.Module<Tensor, Tensor>)model.named_children().Single(c => c.name == "fc1_act").module;
        using var noGrad = no_grad();

        model.forward(rand(10, 4)).Dispose(); // Sequential.forward invokes its children through call()
        Assert.Equal(10 * 5, Recorded());

        fc1Act.forward(rand(7, 5)).Dispose(); // a direct forward() bypasses hooks
        Assert.Equal(10 * 5, Recorded());

        fc1Act.call(rand(7, 5)).Dispose();
        Assert.Equal((10 + 7) * 5, Recorded());
    }

    [Fact]
    public void Disposing_the_recorder_removes_its_hooks()
    {
        using var model = Mlp.Create(ActivationSpec.ReLU(), inputs: 4, hidden: [5], classes: 2);
        var recorder = new ActivationRecorder(model);
        recorder.Dispose();
        using (no_grad())
        {
            model.call(rand(3, 4)).Dispose();
        }

        Assert.All(recorder.Report().Units[0].OnRate, r => Assert.Equal(0, r));
    }

    [Fact]
    public void Gradient_norms_are_reported_per_layer()
    {
        using var model = Mlp.Create(ActivationSpec.PReLU(), inputs: 4, hidden: [5], classes: 2);
        model.call(rand(3, 4)).sum().backward();
        var norms = GradientNorms.PerLayer(model).ToDictionary(n => n.Layer, n => n.Norm);
        Assert.Equal(["fc1", "fc1_act", "out"], norms.Keys);
        using var outGrad = model.named_parameters().Where(p => p.name.StartsWith("out.", StringComparison.Ordinal))
            .Select(p => p.parameter.grad!.pow(2).sum()).Aggregate((a, b) => a + b).sqrt();
        Assert.Equal(outGrad.item<float>(), norms["out"], 1e-6 * norms["out"]); // float32 sum against double sum: relative 1e-6
    }
}
