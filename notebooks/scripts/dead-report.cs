// Dead and dormant units of one trained model, as a .NET 10 file-based app:
//     dotnet run notebooks/scripts/dead-report.cs [-- ACTIVATION EPOCHS [PAGE]]      e.g. -- relu 8 dead-relu.html
// Trains an MLP with Adam at learning rate 0.01 (high enough that ReLU units die, as in notebook 02), counts the units
// that never fire on the training images before and after training, and writes the same offline page as `prelu dead`.
#:project ../../lib/PReluKit/PReluKit.csproj

using PReluKit.Data;
using PReluKit.Jobs;
using PReluKit.Models;
using PReluKit.Native;
using PReluKit.Scripts;
using PReluKit.Training;

// Bad arguments are refused before any work, as one line with prelu's exit codes (2 usage, 1 failed run).
return ScriptArguments.Run(args, "dotnet run dead-report.cs -- [ACTIVATION [EPOCHS [PAGE]]]", arguments =>
{
    var activation = arguments.Activation(0, "ACTIVATION", "relu"); // relu, leaky:0.01, prelu, …
    var epochs = arguments.Integer(1, "EPOCHS", 8, 1, 1000);
    var page = arguments.OutputFile(2, "PAGE", $"dead-{activation.Canonical}.html");
    arguments.AtMost(3);
    TorchNative.EnsureLoaded(); // libtorch before any tensor
    var config = TrainingConfig.For(ModelKind.Mlp, OptimizerKind.Adam) with { Activation = activation, LearningRate = 0.01, Epochs = epochs };

    var data = FashionMnist.LoadSubset();
    using var train = data.TrainTensors(config.InputLayout);
    using var test = data.TestTensors(config.InputLayout);

    // The job prelu dead runs: the same seed gives the same initial weights, measured untrained, then trained.
    var outcome = DeadUnitJob.Run(config, seed: 0, train, test);

    // A unit is dead when it outputs 0 for every training image; on-rate is the share of images it fires on.
    foreach (var layer in outcome.Final!.Layers)
    {
        Console.WriteLine($"{layer.Layer}: {layer.DeadUnits} of {layer.Units} units dead after {epochs} epochs, mean on-rate {layer.MeanOnRate:0.00}");
    }

    outcome.Page()!.Write(page);
    Console.WriteLine($"On-rate histograms (opens offline): {Path.GetFullPath(page)}");
});
