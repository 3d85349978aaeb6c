namespace PReluKit.Cli;

/// <summary>
/// A command stopped by Ctrl-C that says what it left behind ("'out' is as it was; …"); <see cref="CliHost"/> prints it
/// after "cancelled (Ctrl-C): " with the cancellation's exit code.
/// </summary>
internal sealed class CommandCancelledException(string whatIsLeft, OperationCanceledException cause)
    : OperationCanceledException(whatIsLeft, cause, cause.CancellationToken);
