using System.Globalization;
using PReluKit.Activations;
using PReluKit.IO;

namespace PReluKit.Scripts;

/// <summary>
/// The positional arguments of a file-based script (<c>dotnet run script.cs -- A B C</c>), read and checked before any
/// work, and the script's failures as one line on standard error with the exit codes of <c>prelu</c> (the README's table):
/// 2 for a bad argument, 1 for a failed or cancelled run. Ctrl-C cancels <see cref="Cancellation"/>, so that the script
/// stops cleanly (its folders unlocked, finished work kept) and says so; a second Ctrl-C ends it at once.
/// </summary>
/// <param name="args">The script's arguments.</param>
/// <param name="usage">The usage line, e.g. <c>dotnet run dead-report.cs -- [ACTIVATION [EPOCHS [PAGE]]]</c>.</param>
public sealed class ScriptArguments(IReadOnlyList<string> args, string usage)
{
    /// <summary>The exit code of a bad argument, found before any work.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code of a failed or cancelled run.</summary>
    public const int RunFailure = 1;

    private readonly CancellationTokenSource _cancel = new();

    /// <summary>Cancelled by Ctrl-C (SIGINT); pass it to the work so that it stops after the current batch.</summary>
    public CancellationToken Cancellation => _cancel.Token;

    /// <summary>Runs <paramref name="script"/> with checked arguments; returns the exit code to hand back.</summary>
    public static int Run(string[] args, string usage, Action<ScriptArguments> script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var arguments = new ScriptArguments(args, usage);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C asks the script to stop cleanly; a second one ends the process at once.
            e.Cancel = !arguments._cancel.IsCancellationRequested;
            arguments._cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            script(arguments);
            return 0;
        }
        catch (OperationCanceledException)
        {
            return Refuse("cancelled (Ctrl-C); what finished before is kept, nothing partial was written.", RunFailure);
        }
        catch (ArgumentException e)
        {
            return Refuse($"error: {e.Message}", UsageError);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException)
        {
            return Refuse($"failed: {e.Message}", RunFailure);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Writes <paramref name="line"/> as one line on standard error and returns <paramref name="code"/>: a script's only way to fail.</summary>
    public static int Refuse(string line, int code)
    {
        ArgumentNullException.ThrowIfNull(line);
        Console.Error.WriteLine(line.ReplaceLineEndings(" "));
        return code;
    }

    /// <summary>Argument <paramref name="index"/> (from 0) as an integer in [<paramref name="min"/>, <paramref name="max"/>], or <paramref name="fallback"/> when not given.</summary>
    /// <exception cref="ArgumentException">It is not such an integer; the message names it and gives the usage.</exception>
    public int Integer(int index, string name, int fallback, int min, int max)
    {
        var text = At(index);
        return text is null ? fallback
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
            : throw Bad(index, name, text, $"an integer between {min} and {max}");
    }

    /// <summary>Argument <paramref name="index"/> as an activation key (<see cref="ActivationSpec.Parse"/>), or <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentException">It is not a valid key; the message names it and says why.</exception>
    public ActivationSpec Activation(int index, string name, string fallback)
    {
        var text = At(index) ?? fallback;
        try
        {
            return ActivationSpec.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw Bad(index, name, text, $"an activation key ({e.Message})");
        }
    }

    /// <summary>Argument <paramref name="index"/> as a file to write, checked by <see cref="OutputPath.FileProblem"/>, or <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentException">It cannot be written; the message names it and says why.</exception>
    public string OutputFile(int index, string name, string fallback)
    {
        var path = NotBlank(index, name) ?? fallback;
        return OutputPath.FileProblem(path) is { } problem ? throw Bad(index, name, path, problem, quoted: false) : path;
    }

    /// <summary>Argument <paramref name="index"/> as a folder to create or write into (<see cref="OutputPath.FolderProblem"/>), or <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentException">It cannot be written; the message names it and says why.</exception>
    public string OutputFolder(int index, string name, string fallback)
    {
        var path = NotBlank(index, name) ?? fallback;
        return OutputPath.FolderProblem(path) is { } problem ? throw Bad(index, name, path, problem, quoted: false) : path;
    }

    /// <summary>Refuses arguments beyond the first <paramref name="count"/>.</summary>
    /// <exception cref="ArgumentException">There are more; the message gives the usage.</exception>
    public void AtMost(int count)
    {
        if (args.Count > count)
        {
            throw new ArgumentException($"'{args[count]}': unexpected argument {count + 1}; usage: {usage}");
        }
    }

    private string? At(int index) => index < args.Count ? args[index] : null;

    /// <summary>Argument <paramref name="index"/>; blank is refused (an empty argument is a mistake, not "the default").</summary>
    private string? NotBlank(int index, string name)
    {
        var text = At(index);
        return text is not null && string.IsNullOrWhiteSpace(text) ? throw Bad(index, name, text, "is empty; give a value or leave it out", quoted: false) : text;
    }

    private ArgumentException Bad(int index, string name, string value, string expected, bool quoted = true) =>
        new(quoted
            ? $"{name} (argument {index + 1}): '{value}' is not {expected}; usage: {usage}"
            : $"{name} (argument {index + 1}): {expected}; usage: {usage}");
}
