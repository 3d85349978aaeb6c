using System.Diagnostics;
using PReluKit.Cli.Settings;
using PReluKit.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary><c>prelu data info</c>: where a data set is found, its sizes and class balance, and how long loading took.</summary>
internal sealed class DataInfoCommand : Command<DataInfoCommand.Settings>
{
    /// <summary>Options of <c>prelu data info</c>.</summary>
    public sealed class Settings : DataSettings;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        // Start libtorch first (about a second, once per process) so the timing below is the data's alone.
        Native.TorchNative.EnsureLoaded();
        TorchSharp.torch.zeros(1).Dispose();
        var clock = Stopwatch.StartNew();
        var dataset = settings.LoadData(cancellationToken);
        var readSeconds = clock.Elapsed.TotalSeconds;
        using var train = dataset.TrainTensors(ImageLayout.Image);
        using var test = dataset.TestTensors(ImageLayout.Image);
        var totalSeconds = clock.Elapsed.TotalSeconds;

        var table = new Table().Title($"{dataset.Name} from {dataset.Folder}")
            .AddColumn("class").AddColumn(new TableColumn("train").RightAligned()).AddColumn(new TableColumn("test").RightAligned());
        for (var c = 0; c < dataset.ClassNames.Count; c++)
        {
            table.AddRow(dataset.ClassNames[c], dataset.Train.Labels.Count(l => l == c).ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                dataset.Test.Labels.Count(l => l == c).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(
            $"{dataset.Train.Count:N0} + {dataset.Test.Count:N0} images of {dataset.Train.Images.Rows}×{dataset.Train.Images.Columns}; read and validated in {readSeconds:0.00} s, as normalised tensors in {totalSeconds:0.00} s.");
        return ExitCodes.Success;
    }
}
