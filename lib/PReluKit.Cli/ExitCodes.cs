using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli;

/// <summary>The command's exit codes: 0 success, 1 run failure, 2 usage error.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RunFailure = 1;
    public const int UsageError = 2;

    /// <summary>Runs the app, mapping parse and validation errors to <see cref="UsageError"/> with one clear line.</summary>
    public static async Task<int> RunAsync(CommandApp app, string[] args)
    {
        app.Configure(config => config.PropagateExceptions());
        try
        {
            return await app.RunAsync(args);
        }
        catch (CommandAppException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return UsageError;
        }
        catch (ArgumentException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return UsageError;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or InvalidDataException or UnauthorizedAccessException)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]failed:[/] {e.Message}");
            return RunFailure;
        }
    }
}
