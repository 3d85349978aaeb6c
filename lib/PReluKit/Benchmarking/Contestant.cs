namespace PReluKit.Benchmarking;

/// <summary>One contestant of an <see cref="Interleaved"/> benchmark: a name, one unit of work that returns the seconds it took, and its clean-up.</summary>
/// <param name="Name">What is timed.</param>
/// <param name="Run">One unit of work; returns its wall time in seconds.</param>
/// <param name="Release">Frees what the contestant holds (models, tensors).</param>
public sealed record Contestant(string Name, Func<double> Run, Action? Release = null) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Release?.Invoke();
}
