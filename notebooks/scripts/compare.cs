// A paired comparison of ReLU, Leaky ReLU and PReLU, as a .NET 10 file-based app:
//     dotnet run notebooks/scripts/compare.cs [-- EPOCHS SEEDS [RESULTS-FOLDER]]
// It runs the same job as `prelu compare --resume` into the same results folder (runs, CSVs, offline report.html):
// finished runs are reused when you run it again, and a folder that holds a comparison under other settings is refused
// with what differs (choose another FOLDER to keep both).
#:project ../../lib/PReluKit/PReluKit.csproj

using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Jobs;
using PReluKit.Models;
using PReluKit.Native;
using PReluKit.Runs;
using PReluKit.Scripts;
using PReluKit.Training;

// Settings: change them here or pass EPOCHS SEEDS FOLDER. Bad arguments are refused before any work, as one line with
// prelu's exit codes (2 usage, 1 failed run).
return ScriptArguments.Run(args, "dotnet run compare.cs -- [EPOCHS [SEEDS [FOLDER]]]", arguments =>
{
    var epochs = arguments.Integer(0, "EPOCHS", 3, 1, 1000);
    var seeds = arguments.Integer(1, "SEEDS", 3, 1, 1000);
    var folder = arguments.OutputFolder(2, "FOLDER", "results/script-compare");
    arguments.AtMost(3);
    TorchNative.EnsureLoaded(); // libtorch before any tensor (README, "The native loader")
    var training = TrainingConfig.For(ModelKind.Mlp) with { Epochs = epochs };
    ActivationSpec[] activations = [ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU()];
    var config = new ComparisonConfig(training, activations, [.. Enumerable.Range(0, seeds).Select(s => (ulong)s)]);

    // The 12,000-image subset shipped in data/ (FashionMnist.LoadFull() for the whole set).
    var data = FashionMnist.LoadSubset();
    using var train = data.TrainTensors(training.InputLayout);
    using var test = data.TestTensors(training.InputLayout);

    // Every (activation, seed) pair; each seed gives all activations the same weights and batch order.
    const string command = "dotnet run compare.cs";
    using var results = ResultsFolder.Open(folder, command);
    var runs = ComparisonJob.Run(results, config, train, test, command, resume: true, cancellationToken: arguments.Cancellation);

    // Mean ± 95 % CI per activation, paired differences, and verdicts against δ = 1 point and 5 %.
    var outcome = ComparisonJob.Summarise(results, config, runs, $"{data.Name} ({data.Train.Count:N0} + {data.Test.Count:N0} images)", command,
                                          cancellationToken: arguments.Cancellation);
    foreach (var claim in outcome.Claims)
    {
        Console.WriteLine(claim.Reading);
    }

    Console.WriteLine($"Report ({outcome.Charts} charts, opens offline): {outcome.Report}");
});
