// A paired comparison of ReLU, Leaky ReLU and PReLU, as a .NET 10 file-based app:
//     dotnet run notebooks/scripts/compare.cs [-- EPOCHS SEEDS [RESULTS-FOLDER]]
// It writes the same results folder as `prelu compare` (runs, CSVs, offline report.html); finished runs are reused
// when you run it again, and a change of any setting trains anew beside them.
#:project ../../lib/PReluKit/PReluKit.csproj

using PReluKit.Activations;
using PReluKit.Data;
using PReluKit.Native;
using PReluKit.Reports;
using PReluKit.Training;

TorchNative.EnsureLoaded(); // libtorch before any tensor (see shared/notes/platform.md)

// Settings: change them here or pass EPOCHS SEEDS FOLDER.
var epochs = args.Length > 0 ? int.Parse(args[0]) : 3;
var seeds = args.Length > 1 ? int.Parse(args[1]) : 3;
var folder = args.Length > 2 ? args[2] : "results/script-compare";
var training = new TrainingConfig { Model = ModelKind.Mlp, Epochs = epochs };
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
