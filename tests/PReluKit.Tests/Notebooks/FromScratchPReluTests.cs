using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using PReluKit.Activations;
using PReluKit.Notebooks;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Notebooks;

/// <summary>
/// Notebook 1's from-scratch PReLU module — the cell's own source, compiled in a C# kernel — against the kit's PReLU and
/// TorchSharp's nn.PReLU: outputs, ∂L/∂y and ∂L/∂α.
/// </summary>
public class FromScratchPReluTests
{
    [Fact]
    public async Task Notebook_ones_PReLU_module_matches_the_kit_and_nn_PReLU_on_outputs_and_both_gradients()
    {
        var notebook = NotebookFiles.Load("01-what-is-prelu");
        var module = NotebookFiles.Code(notebook).Select(NotebookFiles.Source).Single(s => s.StartsWith("class MyPReLU", StringComparison.Ordinal));
        var usings = string.Join("\n", NotebookFiles.Source(NotebookFiles.Code(notebook).First()).Split('\n').Where(l => l.StartsWith("using ", StringComparison.Ordinal)));
        const string Check = """
            var y = randn(new long[] { 16, 4, 3, 3 }, generator: new Generator(7));
            var g = randn(new long[] { 16, 4, 3, 3 }, generator: new Generator(8));
            Tensor[] Run(nn.Module<Tensor, Tensor> layer)
            {
                var input = y.detach().requires_grad_();
                var output = layer.call(input);
                (output * g).sum().backward();
                return [output.detach(), input.grad!, layer.parameters().Single().grad!];
            }

            var ours = Run(new MyPReLU(4));
            var state = string.Join(",", new MyPReLU(4).state_dict().Keys);
            var gaps = new[] { Run(PReLU.ChannelWise(4)), Run(nn.PReLU(4, 0.25)) }
                .SelectMany(theirs => theirs.Zip(ours, (a, b) => (a - b).abs().max().item<float>() / b.abs().max().item<float>()));
            $"{state} {gaps.Max()}"
            """;
        KitSetup.Initialize();
        using var kernel = new CSharpKernel();
        kernel.AddAssemblyReferences([typeof(TorchSharp.torch).Assembly.Location, typeof(PReLU).Assembly.Location, typeof(KitSetup).Assembly.Location]);

        var result = await Submit(kernel, usings.Replace("var profile", "//", StringComparison.Ordinal) + "\n" + module);
        Assert.Empty(result.Errors);
        result = await Submit(kernel, Check);
        Assert.Empty(result.Errors);

        var parts = Assert.Single(result.Values).Split(' ');
        Assert.Equal("weight", parts[0]); // the same state-dict key as nn.PReLU, so weights load across
        Assert.InRange(double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 0, 1e-6);
    }

    private static async Task<(List<string> Errors, List<string> Values)> Submit(Kernel kernel, string code)
    {
        var result = await kernel.SendAsync(new SubmitCode(code));
        var errors = result.Events.OfType<CommandFailed>().Select(e => e.Message)
            .Concat(result.Events.OfType<ErrorProduced>().Select(e => e.Message)).ToList();
        var values = result.Events.OfType<ReturnValueProduced>().Select(e => e.Value?.ToString() ?? "").ToList();
        return (errors, values);
    }
}
