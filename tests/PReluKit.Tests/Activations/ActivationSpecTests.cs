using PReluKit.Activations;
using TorchSharp;
using static TorchSharp.torch;

namespace PReluKit.Tests.Activations;

public class ActivationSpecTests
{
    public static TheoryData<string> AllMembers() =>
        new(["relu", "leaky", "leaky:0.2", "prelu", "prelu:0.05", "prelu-shared", "rrelu", "elu", "elu:0.5", "selu"]);

    [Theory]
    [MemberData(nameof(AllMembers))]
    public void Closed_form_f_and_derivative_match_TorchSharp_autograd_on_a_grid_including_zero(string key)
    {
        var spec = ActivationSpec.Parse(key);
        var grid = Enumerable.Range(-40, 81).Select(i => i / 10.0).ToArray();
        Assert.Contains(0.0, grid);

        using var module = spec.Create(channels: grid.Length);
        module.eval(); // RReLU: the deterministic mean slope
        using var x = tensor(grid, dtype: ScalarType.Float64).view(1, -1).requires_grad_();
        module.to(ScalarType.Float64);

        using var y = module.call(x);
        y.sum().backward();
        var values = y.detach().data<double>().ToArray();
        var grads = x.grad!.data<double>().ToArray();
        for (var i = 0; i < grid.Length; i++)
        {
            Assert.True(Math.Abs(spec.Value(grid[i]) - values[i]) < 1e-6, $"{spec}: f({grid[i]}) = {spec.Value(grid[i])}, autograd {values[i]}");
            Assert.True(Math.Abs(spec.Derivative(grid[i]) - grads[i]) < 1e-6, $"{spec}: f'({grid[i]}) = {spec.Derivative(grid[i])}, autograd {grads[i]}");
        }
    }

    [Theory]
    [InlineData("relu", ActivationKind.ReLU, 0.0)]
    [InlineData("leaky", ActivationKind.LeakyReLU, 0.01)]
    [InlineData("LEAKY:0.3", ActivationKind.LeakyReLU, 0.3)]
    [InlineData("prelu", ActivationKind.PReLUChannelWise, 0.25)]
    [InlineData("prelu:0", ActivationKind.PReLUChannelWise, 0.0)]
    [InlineData("prelu-shared", ActivationKind.PReLUShared, 0.25)]
    [InlineData("rrelu:0.1:0.3", ActivationKind.RReLU, 0.1)]
    [InlineData("elu", ActivationKind.ELU, 1.0)]
    [InlineData("selu", ActivationKind.SELU, 0.0)]
    public void Parse_reads_keys_and_parameters(string text, ActivationKind kind, double parameter)
    {
        var spec = ActivationSpec.Parse(text);
        Assert.Equal(kind, spec.Kind);
        Assert.Equal(parameter, spec.Parameter);
    }

    [Fact]
    public void Every_key_parses_back_to_itself()
    {
        Assert.All(ActivationSpec.Keys, key => Assert.Equal(key, ActivationSpec.Parse(key).Key));
    }

    [Theory]
    [InlineData("swish", "unknown activation 'swish'")]
    [InlineData("leaky:abc", "'abc' is not a number")]
    [InlineData("relu:0.1", "at most 0 parameter")]
    [InlineData("rrelu:0.5:0.1", "lower must not exceed upper")]
    [InlineData("leaky:nan", "is not a number")]
    public void Parse_rejects_bad_input_with_a_clear_message(string text, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => ActivationSpec.Parse(text));
        Assert.Contains(expected, error.Message);
        if (expected.StartsWith("unknown", StringComparison.Ordinal))
        {
            Assert.All(ActivationSpec.Keys, key => Assert.Contains(key, error.Message));
        }
    }

    [Fact]
    public void Display_names_are_distinct_across_the_family()
    {
        var names = ActivationSpec.Keys.Select(k => ActivationSpec.Parse(k).DisplayName).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.Equal("PReLU (channel-wise)", ActivationSpec.PReLU().DisplayName);
        Assert.Equal("Leaky ReLU (0.01)", ActivationSpec.Leaky().DisplayName);
    }

    [Fact]
    public void Create_builds_the_matching_module()
    {
        using var channelWise = (PReLU)ActivationSpec.PReLU(0.1).Create(channels: 7, name: "act");
        Assert.Equal([7L], channelWise.Weight.shape);
        Assert.Equal(0.1f, channelWise.Weight[3].item<float>(), 6);
        using var shared = (PReLU)ActivationSpec.PReLUShared().Create(channels: 7);
        Assert.True(shared.IsShared);
        Assert.IsType<TorchSharp.Modules.LeakyReLU>(ActivationSpec.Leaky().Create());
        Assert.IsType<TorchSharp.Modules.SELU>(ActivationSpec.SELU().Create());
    }

    [Theory]
    [MemberData(nameof(AllMembers))]
    public void The_canonical_form_parses_back_to_an_equal_spec(string key)
    {
        var spec = ActivationSpec.Parse(key);
        Assert.Equal(spec, ActivationSpec.Parse(spec.Canonical));
    }
}
