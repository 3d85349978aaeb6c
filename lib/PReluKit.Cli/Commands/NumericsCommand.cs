using System.ComponentModel;
using PReluKit.Cli.Settings;
using PReluKit.Runs;
using Spectre.Console.Cli;

namespace PReluKit.Cli.Commands;

/// <summary>
/// <c>prelu numerics</c>: prints this machine's <see cref="NumericsFingerprint"/> at a thread count, the value a recorded
/// experiment's provenance keeps, so a reader can tell whether a retrain here reproduces its runs bit for bit.
/// </summary>
internal sealed class NumericsCommand : Command<NumericsCommand.Settings>
{
    /// <summary>Options of <c>prelu numerics</c>.</summary>
    public sealed class Settings : KitSettings
    {
        [CommandOption("--threads <N>")]
        [OptionRange(1, 1024)]
        [Description("Intra-op threads the fingerprint is computed with (a run's bits depend on them).")]
        [DefaultValue(1)]
        public int Threads { get; init; } = 1;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Console.WriteLine(NumericsFingerprint.Compute(settings.Threads));
        return ExitCodes.Success;
    }
}
