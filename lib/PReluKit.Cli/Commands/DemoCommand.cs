using System.ComponentModel;
using PReluKit.Activations;
using PReluKit.Cli.Settings;
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
    public sealed class Settings : SeedSettings
    {
        [CommandOption("--steps <N>")]
        [OptionRange(1, 100_000)]
        [Description("Full-batch Adam steps per activation.")]
        [DefaultValue(300)]
        public int Steps { get; init; } = 300;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var outcome = Native.TorchNative.EnsureLoaded();
        AnsiConsole.MarkupLineInterpolated($"[grey]native loader: {outcome.Reason}[/]");
        AnsiConsole.MarkupLineInterpolated($"[grey]threads: {Native.TorchNative.Threading}; libtorch uses {get_num_threads()}[/]");
        using var data = Synthetic2D.TwoSpirals(1000, noise: 0.04, seed: settings.Seed);

        var table = new Table().Title($"Two spirals, 1,000 points, {settings.Steps} Adam steps, seed {settings.Seed}")
            .AddColumn("activation").AddColumn(new TableColumn("parameters").RightAligned())
            .AddColumn(new TableColumn("train accuracy").RightAligned()).AddColumn("learned α per layer (mean)");
        foreach (var spec in new[] { ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU(), ActivationSpec.PReLUShared() })
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            using var model = Mlp.Create(spec, inputs: 2, hidden: [32, 32, 32], classes: 2, generator: new Generator((ulong)settings.Seed));
            var accuracy = Train(model, data, settings.Steps, cancellationToken);
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

    /// <summary>Full-batch Adam: each "epoch" of the kit's loop is one step on all points; returns the training accuracy.</summary>
    private static double Train(nn.Module<Tensor, Tensor> model, LabeledTensors data, int steps, CancellationToken cancellationToken)
    {
        var optimizer = ParameterGroups.Adam(model, learningRate: 0.01);
        using var loss = nn.CrossEntropyLoss();
        using var batches = new BatchIterator(data, (int)data.Count, shuffle: false);
        for (var step = 1; step <= steps; step++)
        {
            Trainer.TrainEpoch(model, optimizer, loss, batches, step, [], cancellationToken: cancellationToken);
        }

        return Trainer.Test(model, data).Accuracy;
    }
}
