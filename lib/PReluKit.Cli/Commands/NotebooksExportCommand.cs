using System.ComponentModel;
using PReluKit.Cli.Settings;
using PReluKit.IO;
using PReluKit.Notebooks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary>
/// <c>prelu notebooks export --script</c>: each notebook as a .NET 10 file-based app (<see cref="NotebookScript"/>) that
/// runs its cells with <c>dotnet run</c> and writes the same page as <c>prelu notebooks render</c>, without Polyglot
/// Notebooks. The notebooks stay the source; the scripts are generated.
/// </summary>
internal sealed class NotebooksExportCommand : Command<NotebooksExportCommand.Settings>
{
    /// <summary>Options of <c>prelu notebooks export</c>.</summary>
    public sealed class Settings : KitSettings
    {
        [CommandOption("--script")]
        [Description("Export as .NET 10 file-based apps (dotnet run NAME.cs -- PAGE.html). The only format so far, and required.")]
        public bool Script { get; init; }

        [CommandOption("--only <TEXT>")]
        [Description("Export only the notebooks whose name contains this text; repeat it to take several.")]
        public string[]? Only { get; init; }

        [CommandOption("--out <PATH>")]
        [Description("Output folder (default: results/notebook-scripts).")]
        public string? Out { get; init; }

        [CommandOption("--from <PATH>")]
        [Description("Folder of the notebooks to export (default: notebooks/ of the repository; it must sit beside lib/ with the kit's projects).")]
        public string? From { get; init; }

        protected override IEnumerable<string?> Problems() =>
        [
            .. base.Problems(),
            Script ? null : "--script: say the format to export; --script (file-based apps) is the only one.",
            NotebookSelection.OnlyProblem(Only),
            .. Check.OutputFolder("--out", Out, "an output folder"),
            Check.ExistingFolder("--from", From, "a folder of .ipynb notebooks"),
        ];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (root, source, notebooks) = NotebookSelection.Find(settings.From, settings.Only);
        // The scripts build against the kit's projects: those in the lib/ beside the notebooks (where their setup cells
        // look), else the clone's we run in (notebooks of one's own, exported with --from); the course that travels with the
        // tool has only the built kit.
        static bool HoldsKit(string lib) => File.Exists(Path.Combine(lib, "PReluKit.Notebooks", "PReluKit.Notebooks.csproj"));
        var kit = new[] { Path.Combine(Path.GetDirectoryName(source)!, "lib"), Path.Combine(root, "lib") }.FirstOrDefault(HoldsKit)
                  ?? Path.Combine(Path.GetDirectoryName(source)!, "lib");
        if (!HoldsKit(kit))
        {
            throw new InvalidOperationException(
                $"the exported scripts build against the kit's projects, and '{kit}' beside the notebooks has none: run this inside a clone of PReluNotebooks, or pass --from <clone>/notebooks.");
        }

        var output = Path.GetFullPath(settings.Out ?? Path.Combine(root, "results", "notebook-scripts"));
        var lib = Path.GetRelativePath(output, kit);
        // Every script is made before any is written: a notebook the export cannot translate leaves the folder as it was.
        var scripts = notebooks.Select(n => (Name: Path.GetFileNameWithoutExtension(n), Text: NotebookScript.Export(NotebookRunner.Load(n), Path.GetFileNameWithoutExtension(n), lib)))
            .ToList();
        // Only into a folder this command wrote (or a new or empty one): never over the repository's own build files or sources.
        using var folder = OwnedFolder.Open(output, "prelu notebooks export", "--out", []);
        var staging = folder.Staging;
        // The scripts are notebook code, not the kit's: the repository's build rules (warnings as errors, central package
        // versions) stop at this folder, and the #:package lines pin the versions the notebooks pin.
        AtomicFile.WriteAllText(Path.Combine(staging, "Directory.Build.props"), "<Project>\n  <!-- Exported notebook scripts: the repository's build rules stop here. -->\n</Project>\n");
        AtomicFile.WriteAllText(Path.Combine(staging, "Directory.Packages.props"),
                                "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
        foreach (var (name, text) in scripts)
        {
            AtomicFile.WriteAllText(Path.Combine(staging, name + ".cs"), text);
        }

        // The scripts of notebooks not exported this time (--only) stay: each runs on its own.
        folder.Commit(folder.Earlier);
        AnsiConsole.MarkupLine($"Exported {scripts.Count} notebook(s) to {Markup.Escape(output)}; run one with: dotnet run {Markup.Escape(Path.Combine(output, scripts[0].Name + ".cs"))} -- PAGE.html");
        return ExitCodes.Success;
    }
}
