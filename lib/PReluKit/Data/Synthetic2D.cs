using static TorchSharp.torch;

namespace PReluKit.Data;

/// <summary>
/// Seeded 2-D classification sets for decision-boundary plots and dying-ReLU demonstrations. Points are drawn
/// with <see cref="Random"/> in double arithmetic, so a seed gives the same points on every machine.
/// </summary>
public static class Synthetic2D
{
    /// <summary>Two interleaved spirals, each turning <paramref name="turns"/> times; labels 0 and 1.</summary>
    public static LabeledTensors TwoSpirals(int count, double noise = 0.05, int seed = 0, double turns = 1.5) =>
        Build(count, noise, seed, nameof(TwoSpirals), (random, i) =>
        {
            var label = i % 2;
            var t = Math.Sqrt(random.NextDouble()); // uniform density along the arm
            var angle = (t * turns * 2 * Math.PI) + (label * Math.PI);
            return (t * Math.Cos(angle), t * Math.Sin(angle), label);
        });

    /// <summary>A disc (label 0) inside a ring (label 1), radii 0.5 and 1.</summary>
    public static LabeledTensors Circles(int count, double noise = 0.05, int seed = 0) =>
        Build(count, noise, seed, nameof(Circles), (random, i) =>
        {
            var label = i % 2;
            var angle = random.NextDouble() * 2 * Math.PI;
            var radius = label == 0 ? 0.5 : 1.0;
            return (radius * Math.Cos(angle), radius * Math.Sin(angle), label);
        });

    /// <summary>Two interleaving half circles, as in scikit-learn's make_moons.</summary>
    public static LabeledTensors Moons(int count, double noise = 0.05, int seed = 0) =>
        Build(count, noise, seed, nameof(Moons), (random, i) =>
        {
            var label = i % 2;
            var angle = random.NextDouble() * Math.PI;
            return label == 0
                ? (Math.Cos(angle), Math.Sin(angle), 0)
                : (1 - Math.Cos(angle), 0.5 - Math.Sin(angle), 1);
        });

    /// <summary>A <paramref name="cells"/>×<paramref name="cells"/> checkerboard on [−1, 1]²; the label is the square's colour.</summary>
    public static LabeledTensors Checkerboard(int count, double noise = 0.0, int seed = 0, int cells = 4)
    {
        if (cells < 2)
        {
            throw new ArgumentException($"Checkerboard: cells must be at least 2, got {cells}.", nameof(cells));
        }

        return Build(count, noise, seed, nameof(Checkerboard), (random, _) =>
        {
            var x = (random.NextDouble() * 2) - 1;
            var y = (random.NextDouble() * 2) - 1;
            var column = Math.Min((int)((x + 1) / 2 * cells), cells - 1);
            var row = Math.Min((int)((y + 1) / 2 * cells), cells - 1);
            return (x, y, (column + row) % 2);
        });
    }

    private static LabeledTensors Build(int count, double noise, int seed, string name,
                                        Func<Random, int, (double X, double Y, int Label)> draw)
    {
        if (count <= 0)
        {
            throw new ArgumentException($"{name}: count must be positive, got {count}.", nameof(count));
        }

        if (!(noise >= 0) || double.IsInfinity(noise))
        {
            throw new ArgumentException($"{name}: noise must be a finite number ≥ 0, got {noise}.", nameof(noise));
        }

        Native.TorchNative.EnsureLoaded();
        var random = new Random(seed);
        var features = new float[count * 2];
        var labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            var (x, y, label) = draw(random, i);
            features[2 * i] = (float)(x + (noise * Gaussian(random)));
            features[(2 * i) + 1] = (float)(y + (noise * Gaussian(random)));
            labels[i] = label;
        }

        return new LabeledTensors(tensor(features).view(count, 2), tensor(labels)) { Name = name };
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
