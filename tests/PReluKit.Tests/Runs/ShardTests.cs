using PReluKit.Activations;
using PReluKit.Models;
using PReluKit.Runs;
using PReluKit.Training;

namespace PReluKit.Tests.Runs;

public class ShardTests
{
    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/4", 2, 4)]
    [InlineData("4/4", 4, 4)]
    public void Parses_k_of_n(string text, int k, int n) => Assert.Equal(new Shard(k, n), Shard.Parse("--shard", text));

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("1/0")]
    [InlineData("-1/4")]
    [InlineData("1/4/2")]
    [InlineData("a/b")]
    [InlineData("2")]
    [InlineData("")]
    public void Refuses_anything_but_k_of_n_naming_the_option(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => Shard.Parse("--shard", text));
        Assert.StartsWith("--shard: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_outside_its_range_cannot_be_made() => Assert.Throws<ArgumentOutOfRangeException>(() => new Shard(3, 2));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(40)]
    public void The_shards_hold_every_run_exactly_once_and_differ_in_size_by_at_most_one(int count)
    {
        var config = new ComparisonConfig(TrainingConfig.For(ModelKind.Mlp), [ActivationSpec.ReLU(), ActivationSpec.Leaky(), ActivationSpec.PReLU()], [0, 1, 2, 3, 4]);
        var all = config.Runs().Select(r => (r.Config.Activation.Canonical, r.Seed)).ToList();
        var parts = Enumerable.Range(1, count).Select(k => config.Runs(new Shard(k, count)).Select(r => (r.Config.Activation.Canonical, r.Seed)).ToList()).ToList();

        Assert.Equal(all.Order(), parts.SelectMany(p => p).Order());
        Assert.InRange(parts.Max(p => p.Count) - parts.Min(p => p.Count), 0, 1);
    }
}
