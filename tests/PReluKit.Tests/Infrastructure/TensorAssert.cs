using static TorchSharp.torch;

namespace PReluKit.Tests.Infrastructure;

/// <summary>Tensor comparisons with readable failure messages.</summary>
internal static class TensorAssert
{
    public static void Equal(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var equal = expected.eq(actual);
        using var bothNaN = expected.isnan().logical_and(actual.isnan()); // NaN in the same places counts as equal
        using var same = equal.logical_or(bothNaN).all();
        Assert.True(same.item<bool>(), $"tensors differ; max |Δ| = {MaxDiff(expected, actual)}");
    }

    public static void Close(Tensor expected, Tensor actual, double tolerance)
    {
        Assert.Equal(expected.shape, actual.shape);
        var diff = MaxDiff(expected, actual);
        Assert.True(diff <= tolerance, $"max |Δ| = {diff} exceeds {tolerance}");
    }

    public static double MaxDiff(Tensor expected, Tensor actual)
    {
        using var diff = (expected.to_type(ScalarType.Float64) - actual.to_type(ScalarType.Float64)).abs().max();
        return diff.item<double>();
    }
}
