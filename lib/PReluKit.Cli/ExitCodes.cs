using Spectre.Console.Cli;

namespace PReluKit.Cli;

/// <summary>The command's exit codes: 0 success, 1 run failure, 2 usage error.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RunFailure = 1;
    public const int UsageError = 2;

    /// <summary>Set to 1 to print the full exception after the one-line error.</summary>
    public const string DebugVariable = "PRELU_DEBUG";

    /// <summary>Writes one unwrapped line to standard error (scripts and tests read it whole) and returns <paramref name="code"/>.</summary>
    private static int Fail(string line, int code, Exception? exception = null)
    {
        Console.Error.WriteLine(line.ReplaceLineEndings(" "));
        if (exception is not null && Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true")
        {
            Console.Error.WriteLine(exception);
        }

        return code;
    }

    /// <summary>An exception's message without the " (Parameter 'x')" that ArgumentException appends.</summary>
    public static string MessageOf(ArgumentException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
    }

    /// <summary>Runs the app, mapping parse and validation errors to <see cref="UsageError"/> with one clear line.</summary>
    public static async Task<int> RunAsync(CommandApp app, string[] args)
    {
        app.Configure(config =>
        {
            config.PropagateExceptions();
            config.UseStrictParsing(); // an unknown option is an error, not a silently ignored argument
        });
        try
        {
            return await app.RunAsync(args);
        }
        catch (CommandAppException e)
        {
            return Fail($"error: {e.Message}", UsageError, e);
        }
        catch (ArgumentException e)
        {
            return Fail($"error: {MessageOf(e)}", UsageError, e);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or InvalidDataException or UnauthorizedAccessException)
        {
            return Fail($"failed: {e.Message}", RunFailure, e);
        }
    }
}
