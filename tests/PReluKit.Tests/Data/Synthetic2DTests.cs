using PReluKit.Data;

namespace PReluKit.Tests.Data;

public class Synthetic2DTests
{
    public static TheoryData<string> Sets() => new(["spirals", "circles", "moons", "checkerboard"]);

    private static LabeledTensors Make(string name, int count, int seed, double noise = 0.05) => name switch
    {
        "spirals" => Synthetic2D.TwoSpirals(count, noise, seed),
        "circles" => Synthetic2D.Circles(count, noise, seed),
        "moons" => Synthetic2D.Moons(count, noise, seed),
        _ => Synthetic2D.Checkerboard(count, noise, seed),
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void A_seed_fixes_the_points_and_the_classes_are_binary(string name)
    {
        using var a = Make(name, 400, seed: 3);
        using var b = Make(name, 400, seed: 3);
        using var c = Make(name, 400, seed: 4);
        Assert.Equal([400L, 2L], a.Features.shape);
        Assert.Equal(a.Features.data<float>().ToArray(), b.Features.data<float>().ToArray());
        Assert.NotEqual(a.Features.data<float>().ToArray(), c.Features.data<float>().ToArray());
        var labels = a.Labels.data<long>().ToArray();
        Assert.All(labels, l => Assert.InRange(l, 0, 1));
        Assert.InRange(labels.Count(l => l == 1), 120, 280);
    }

    [Fact]
    public void Circles_without_noise_lie_on_their_radii()
    {
        using var data = Synthetic2D.Circles(100, noise: 0, seed: 1);
        var xy = data.Features.data<float>().ToArray();
        var labels = data.Labels.data<long>().ToArray();
        for (var i = 0; i < 100; i++)
        {
            var radius = Math.Sqrt((xy[2 * i] * xy[2 * i]) + (xy[(2 * i) + 1] * xy[(2 * i) + 1]));
            Assert.Equal(labels[i] == 0 ? 0.5 : 1.0, radius, 5);
        }
    }

    [Fact]
    public void Checkerboard_labels_follow_the_squares()
    {
        using var data = Synthetic2D.Checkerboard(500, seed: 2, cells: 2);
        var xy = data.Features.data<float>().ToArray();
        var labels = data.Labels.data<long>().ToArray();
        for (var i = 0; i < 500; i++)
        {
            Assert.Equal((xy[2 * i] >= 0) == (xy[(2 * i) + 1] >= 0) ? 0 : 1, labels[i]);
        }
    }

    [Theory]
    [InlineData(0, 0.1, "count")]
    [InlineData(10, -0.1, "noise")]
    [InlineData(10, double.NaN, "noise")]
    public void Bad_sizes_and_noise_are_rejected(int count, double noise, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => Synthetic2D.Moons(count, noise));
        Assert.Equal(parameter, error.ParamName);
    }
}
