using System.ComponentModel;
using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Training;
using Spectre.Console;
using Spectre.Console.Cli;
using static TorchSharp.torch;

namespace PReluKit.Cli.Commands;

/// <summary>
/// A quick tour of the library: the same small MLP with ReLU, Leaky ReLU and PReLU, trained full-batch on two
/// spirals from the same initial weights, then accuracy and the learned α per layer.
/// </summary>
internal sealed class DemoCommand : Command<DemoCommand.Settings>
{
    /// <summary>Options of <c>prelu demo</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--steps")]
        [Description("Full-batch Adam steps per activation.")]
        [DefaultValue(300)]
        public int Steps { get; init; } = 300;

        [CommandOption("--seed")]
        [Description("Seed for the data and the initial weights.")]
        [DefaultValue(0)]
        public int Seed { get; init; }

        public override ValidationResult Validate() =>
            Steps is >= 1 and <= 100_000
                ? ValidationResult.Success()
                : ValidationResult.Error($"--steps must be between 1 and 100000, got {Steps}.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var outcome = Native.TorchNative.EnsureLoaded();
        AnsiConsole.MarkupLineInterpolated($"[grey]native loader: {outcome.Reason}[/]");
        using var data = Synthetic2D.TwoSpirals(1000, noise: 0.04, seed: settings.Seed);

        var table = new Table().Title($"Two spirals, 1,000 points, {settings.Steps} Adam steps, seed {settings.Seed}")
            .AddColumn("activation").AddColumn(new TableColumn("parameters").RightAligned())
            .AddColumn(new TableColumn("train accuracy").RightAligned()).AddColumn("learned α per layer (mean)");
        foreach (var spec in new[] { ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU(), ActivationSpec.PReLUShared() })
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            using var model = Mlp.Create(spec, inputs: 2, hidden: [32, 32, 32], classes: 2, generator: new Generator((ulong)settings.Seed));
            var accuracy = Train(model, data, settings.Steps);
            var alphas = ParameterGroups.Alphas(model).Select(a => a.mean().item<float>().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
            table.AddRow(
                spec.DisplayName,
                model.parameters().Sum(p => p.numel()).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                accuracy.ToString("P1", System.Globalization.CultureInfo.InvariantCulture),
                spec.IsParametric ? string.Join("  ", alphas) : "—");
        }

        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }

    private static double Train(nn.Module<Tensor, Tensor> model, LabeledTensors data, int steps)
    {
        var optimizer = ParameterGroups.Adam(model, learningRate: 0.01);
        var loss = nn.CrossEntropyLoss();
        model.train();
        for (var step = 0; step < steps; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            loss.call(model.call(data.Features), data.Labels).backward();
            optimizer.step();
        }

        model.eval();
        using var noGrad = no_grad();
        using var evalScope = NewDisposeScope();
        return model.call(data.Features).argmax(1).eq(data.Labels).to_type(ScalarType.Float64).mean().item<double>();
    }
}
