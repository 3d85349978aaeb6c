namespace PReluKit.Benchmarking;

/// <summary>Forward+backward timings of every candidate at one tensor size, taken in interleaved rounds.</summary>
/// <param name="Layout">The tensor layout.</param>
/// <param name="Elements">Elements per tensor.</param>
/// <param name="Timings">One timing per candidate, in the candidates' order, in seconds per pass.</param>
public sealed record SweepPoint(TensorLayout Layout, long Elements, IReadOnlyList<Timing> Timings)
{
    /// <summary>The timing of the candidate named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No candidate of that name.</exception>
    public Timing Of(string name) => Timings.FirstOrDefault(t => t.Name == name)
        ?? throw new ArgumentException($"SweepPoint: no candidate '{name}'; the candidates are {string.Join(", ", Timings.Select(t => t.Name))}.", nameof(name));
}
