namespace PReluKit;

/// <summary>The one place that turns an <see cref="ArgumentException"/> into the line a person reads.</summary>
public static class ArgumentMessages
{
    /// <summary>The exception's message without the " (Parameter 'x')" that <see cref="ArgumentException"/> appends.</summary>
    public static string Of(ArgumentException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.ParamName is null ? exception.Message : exception.Message.Replace($" (Parameter '{exception.ParamName}')", "", StringComparison.Ordinal);
    }
}
