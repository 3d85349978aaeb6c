namespace PReluKit;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler on the reporting thread, in order. The BCL's
/// <see cref="Progress{T}"/> posts to the thread pool instead, so reports can arrive late or out of order.
/// </summary>
/// <param name="handler">Receives every report.</param>
public sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => handler(value);
}
