namespace PReluKit.Cli;

/// <summary>
/// The command's exit codes: 0 success, 1 run failure (bad data, a failed or cancelled run), 2 usage error found before
/// any work. The README's "Exit codes" table says which cause gets which; keep the two in step.
/// </summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int RunFailure = 1;
    public const int UsageError = 2;

    /// <summary>An exception's message without the " (Parameter 'x')" that ArgumentException appends.</summary>
    public static string MessageOf(ArgumentException e) => ArgumentMessages.Of(e);
}
