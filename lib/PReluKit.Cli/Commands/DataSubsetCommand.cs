using System.ComponentModel;
using PReluKit.Cli.Settings;
using PReluKit.Data;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary><c>prelu data subset</c>: regenerates the shipped stratified subset from the full set, byte for byte.</summary>
internal sealed class DataSubsetCommand : Command<DataSubsetCommand.Settings>
{
    /// <summary>Options of <c>prelu data subset</c>.</summary>
    public sealed class Settings : KitSettings
    {
        [CommandOption("--from <FROM>")]
        [Description("Where the full set is: 'full' (search the usual places) or a folder.")]
        [DefaultValue("full")]
        public string From { get; init; } = "full";

        [CommandOption("--out <PATH>")]
        [Description("Folder to write the four .gz files to (default: data/fashion-mnist-subset).")]
        public string? Out { get; init; }

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            Check.NotBlank("--from", From, "full or a folder holding the full set"),
            .. Check.OutputFolder("--out", Out, "an output folder"),
            From == "full" ? null : Check.ExistingFolder("--from", From, "full or a folder holding the full set"),
        ];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var full = settings.From == "full" ? FashionMnist.LoadFull() : FashionMnist.LoadFolder(settings.From, "Fashion-MNIST");
        var output = settings.Out
                     ?? (RepositoryData.Find() is { } data ? Path.Combine(data, FashionMnist.SubsetFolderName)
                         : throw new ArgumentException("--out: no data/ folder found here; give the output folder."));
        try
        {
            FashionMnistSubset.Write(full, output);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--from: '{full.Folder}' is too small for the subset; {ExitCodes.MessageOf(e)}", e);
        }

        AnsiConsole.MarkupLineInterpolated(
            $"Wrote {FashionMnistSubset.TrainPerClass:N0} training and {FashionMnistSubset.TestPerClass:N0} test images per class (seed {FashionMnistSubset.Seed}) from {full.Folder} to {output}.");
        return ExitCodes.Success;
    }
}
