// A paired comparison of ReLU, Leaky ReLU and PReLU, as a .NET 10 file-based app:
//     dotnet run notebooks/scripts/compare.cs [-- EPOCHS SEEDS [RESULTS-FOLDER]]
// It writes the same results folder as `prelu compare` (runs, CSVs, offline report.html); finished runs are reused
// when you run it again, and a change of any setting trains anew beside them.
#:project ../../lib/PReluKit/PReluKit.csproj

using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Models;
using PReluKit.Native;
using PReluKit.Reports;
using PReluKit.Runs;
using PReluKit.Scripts;
using PReluKit.Summaries;
using PReluKit.Training;

// Settings: change them here or pass EPOCHS SEEDS FOLDER. Bad arguments are refused before any work, as one line with
// prelu's exit codes (2 usage, 1 failed run).
return ScriptArguments.Run(args, "dotnet run compare.cs -- [EPOCHS [SEEDS [FOLDER]]]", arguments =>
{
    var epochs = arguments.Integer(0, "EPOCHS", 3, 1, 1000);
    var seeds = arguments.Integer(1, "SEEDS", 3, 1, 1000);
    var folder = arguments.OutputFolder(2, "FOLDER", "results/script-compare");
    arguments.AtMost(3);
    TorchNative.EnsureLoaded(); // libtorch before any tensor (see shared/notes/platform.md)
    var training = TrainingConfig.For(ModelKind.Mlp) with { Epochs = epochs };
    ActivationSpec[] activations = [ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU()];
    var config = new ComparisonConfig(training, activations, [.. Enumerable.Range(0, seeds).Select(s => (ulong)s)]);

    // The 12,000-image subset shipped in data/ (FashionMnist.LoadFull() for the whole set).
    var data = FashionMnist.LoadSubset();
    using var train = data.TrainTensors(training.InputLayout);
    using var test = data.TestTensors(training.InputLayout);

    // Every (activation, seed) pair; each seed gives all activations the same weights and batch order.
    var store = new RunStore(folder);
    var runs = Comparison.Run(config, train, test, store);

    // Mean ± 95 % CI per activation, paired differences, and verdicts against δ = 1 point and 5 %.
    var summary = ComparisonSummary.From(runs);
    var csv = summary.WriteCsv(store.Folder, runs);
    var environment = RunEnvironment.Capture($"{data.Name} ({data.Train.Count:N0} + {data.Test.Count:N0} images)", "dotnet run compare.cs");
    var (report, charts) = ComparisonReport.Write(store.Folder, config, runs, summary, environment, csv);

    foreach (var claim in Claim.Evaluate(summary))
    {
        Console.WriteLine(claim.Reading);
    }

    Console.WriteLine($"Report ({charts} charts, opens offline): {report}");
});
