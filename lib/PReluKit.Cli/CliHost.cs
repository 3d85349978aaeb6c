using System.Reflection;
using System.Text.RegularExpressions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PReluKit.Cli;

/// <summary>
/// Runs the <c>prelu</c> app: strict parsing, Ctrl-C as a cancellation every command observes, and every failure as one
/// line on standard error with its exit code (<see cref="ExitCodes"/>).
/// </summary>
internal static partial class CliHost
{
    /// <summary>Set to 1 to print the full exception after the one-line error.</summary>
    public const string DebugVariable = "PRELU_DEBUG";

    public static async Task<int> RunAsync(CommandApp app, string[] args)
    {
        app.Configure(config =>
        {
            config.PropagateExceptions();
            config.UseStrictParsing(); // an unknown option is an error, not a silently ignored argument
        });
        SetWidth();
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl-C asks the command to stop cleanly; a second one ends the process at once.
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            MissingValue(args);

            return await app.RunAsync(args, cancel.Token);
        }
        catch (OperationCanceledException e)
        {
            return Fail(e is CommandCancelledException ? $"cancelled (Ctrl-C): {e.Message}" : "cancelled (Ctrl-C); nothing partial was written.",
                        ExitCodes.RunFailure, e);
        }
        catch (CommandAppException e)
        {
            return Fail($"error: {UsageMessage(e.Message, args)}", ExitCodes.UsageError, e);
        }
        catch (ArgumentException e)
        {
            return Fail($"error: {ExitCodes.MessageOf(e)}", ExitCodes.UsageError, e);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or InvalidDataException or UnauthorizedAccessException)
        {
            return Fail($"failed: {e.Message}", ExitCodes.RunFailure, e);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// Spectre's conversion errors ("Failed to convert 'abc' to Int32.") do not say which option was wrong; find it in
    /// the arguments and say what it expects.
    /// </summary>
    internal static string UsageMessage(string message, IReadOnlyList<string> args)
    {
        var match = ConversionError().Match(message);
        if (!match.Success)
        {
            return message;
        }

        var value = match.Groups[1].Value;
        string? option = null;
        for (var i = 0; i < args.Count && option is null; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].EndsWith("=" + value, StringComparison.Ordinal))
            {
                option = args[i][..args[i].IndexOf('=', StringComparison.Ordinal)];
            }
            else if (i > 0 && args[i] == value && args[i - 1].StartsWith('-'))
            {
                option = args[i - 1];
            }
        }

        if (option is null)
        {
            return message;
        }

        var type = OptionType(option);
        // A whole number too large for the option's type is not "not an integer"; the range quoted is the option's own.
        var (min, max) = OptionRange(option) ?? (int.MinValue, int.MaxValue);
        return (Nullable.GetUnderlyingType(type ?? typeof(object)) ?? type) == typeof(int) && System.Numerics.BigInteger.TryParse(value, out _)
            ? $"{option}: '{value}' is out of range; expected an integer between {min} and {max}."
            : $"{option}: '{value}' is not {Expected(type)}.";
    }

    /// <summary>
    /// Tables fit the terminal; COLUMNS overrides its width, and output that is not a terminal (logs, pipes) gets a wide
    /// width instead of 80 columns, so rows stay on one line.
    /// </summary>
    private static void SetWidth()
    {
        if (Environment.GetEnvironmentVariable("COLUMNS") is { } columns && int.TryParse(columns, out var width) && width >= 20)
        {
            AnsiConsole.Profile.Width = width;
        }
        else if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }
    }

    /// <summary>
    /// Spectre reads a value-taking option with no value after it (last, or followed by another option) as given with a
    /// placeholder value; that is a usage error.
    /// </summary>
    private static void MissingValue(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var next = i + 1 < args.Length ? args[i + 1] : null;
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !args[i].Contains('=', StringComparison.Ordinal) &&
                (next is null || next.StartsWith("--", StringComparison.Ordinal) || next is "-h") &&
                OptionType(args[i]) is { } type && type != typeof(bool))
            {
                var expected = Expected(type);
                throw new ArgumentException(expected == "a value" ? $"{args[i]}: give a value." : $"{args[i]}: give a value ({expected}).");
            }
        }
    }

    /// <summary>The declared type of an option (the same name has the same type in every command).</summary>
    private static Type? OptionType(string option) => OptionProperties(option).FirstOrDefault()?.PropertyType;

    /// <summary>The option's declared range (<see cref="Settings.OptionRangeAttribute"/>) when every command that has it declares the same one.</summary>
    private static (long Min, long Max)? OptionRange(string option)
    {
        var ranges = OptionProperties(option).Select(p => p.GetCustomAttribute<Settings.OptionRangeAttribute>() is { } r ? (r.Min, r.Max) : ((long, long)?)null)
                                             .Distinct().ToList();
        return ranges.Count == 1 ? ranges[0] : null;
    }

    private static IEnumerable<PropertyInfo> OptionProperties(string option) =>
        typeof(CliHost).Assembly.GetTypes()
            .Where(t => typeof(CommandSettings).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.GetCustomAttribute<CommandOptionAttribute>()?.LongNames.Contains(option.TrimStart('-')) == true);

    private static string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            null => "a valid value",
            { IsEnum: true } => "one of: " + string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant())),
            _ when type == typeof(int) || type == typeof(long) => "an integer",
            _ when type == typeof(double) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ => "a value",
        };
    }

    /// <summary>Writes one unwrapped line to standard error (scripts and tests read it whole) and returns <paramref name="code"/>.</summary>
    private static int Fail(string line, int code, Exception exception)
    {
        // To the process's own standard error, not Console.Error: a notebook's kernel redirects that while a cell runs, and a
        // cell stopped by Ctrl-C may still be running.
        using var error = new StreamWriter(Console.OpenStandardError()) { AutoFlush = true };
        error.WriteLine(line.ReplaceLineEndings(" "));
        if (Environment.GetEnvironmentVariable(DebugVariable) is "1" or "true")
        {
            error.WriteLine(exception);
        }

        return code;
    }

    [GeneratedRegex(@"^Failed to convert '(.*?)' to [\w`]+")]
    private static partial Regex ConversionError();
}
