// Born dead: how often a deep, narrow network is constant at initialisation, as a .NET 10 file-based app:
//     dotnet run notebooks/scripts/born-dead.cs [-- TRIALS [PAGE]]
// For each width × depth, builds TRIALS randomly initialised nets of one input and counts those whose output is the same
// at every input in [−1, 1] (Lu et al. 2019): with ReLU the chance grows with depth and falls with width; Leaky ReLU
// and PReLU pass a scaled copy of negative inputs, so their nets are never constant. Writes the page of `prelu born-dead`.
#:project ../../lib/PReluKit/PReluKit.csproj

using PReluKit.Activations;
using PReluKit.Metrics;
using PReluKit.Native;
using PReluKit.Reports;
using PReluKit.Scripts;

// Bad arguments are refused before any work, as one line with prelu's exit codes (2 usage, 1 failed run).
return ScriptArguments.Run(args, "dotnet run born-dead.cs -- [TRIALS [PAGE]]", arguments =>
{
    var trials = arguments.Integer(0, "TRIALS", BornDeadGrid.DefaultTrials, 1, 1_000_000);
    var page = arguments.OutputFile(1, "PAGE", "born-dead.html");
    arguments.AtMost(2);
    TorchNative.EnsureLoaded(); // libtorch before any tensor
    var grid = BornDeadGrid.Default with { Trials = trials };

    var cells = grid.Estimate([ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU()], seed: 0);

    // Each cell: the share of constant nets with its 95 % Clopper–Pearson interval (cells where none was constant are left out).
    foreach (var cell in cells.Where(c => c.Probability.Successes > 0))
    {
        var p = cell.Probability;
        Console.WriteLine($"{cell.Activation.DisplayName}, width {cell.Width}, depth {cell.Depth}: {p.Proportion:P1} [{p.Lower:P1}, {p.Upper:P1}]");
    }

    BornDeadPage.Build(cells).Write(page);
    Console.WriteLine($"Heatmaps (opens offline): {Path.GetFullPath(page)}");
});
