using System.ComponentModel;
using PReluKit.Cli.Rendering;
using PReluKit.Data;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Settings;

/// <summary>Options of commands that read Fashion-MNIST: <c>--data</c>.</summary>
internal class DataSettings : KitSettings
{
    private const string Expected = "subset, full or an existing folder with the four IDX files";

    [CommandOption("--data <DATA>")]
    [Description("subset (shipped, offline), full, or a folder with the four IDX files.")]
    [DefaultValue("subset")]
    public string Data { get; init; } = "subset";

    /// <summary>Reads the chosen data set; a download of the full set shows its progress on standard error.</summary>
    public ImageDataset LoadData(CancellationToken cancellationToken) =>
        FashionMnist.Load(Data, new FashionMnistOptions { Progress = new DownloadProgressLine(), Cancellation = cancellationToken });

    /// <inheritdoc />
    protected override IEnumerable<string?> Problems()
    {
        foreach (var problem in base.Problems())
        {
            yield return problem;
        }

        yield return Check.NotBlank("--data", Data, Expected);
        yield return Data is "subset" or "full" || Directory.Exists(Data) ? null
            : File.Exists(Data) ? $"--data: '{Data}' is a file; expected {Expected}."
            : $"--data: '{Data}' does not exist; expected {Expected}.";
    }
}
