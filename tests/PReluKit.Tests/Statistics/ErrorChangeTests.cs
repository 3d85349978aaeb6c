using PReluKit.Statistics;

namespace PReluKit.Tests.Statistics;

public class ErrorChangeTests
{
    [Fact]
    public void An_accuracy_difference_reads_as_the_relative_change_of_the_error()
    {
        // He et al.'s model A: 33.82 → 32.64 % top-1 error, and the recorded CNN's +0.35 points on 90.78 %.
        var he = new ErrorChange(33.82, 32.64);
        Assert.Equal(-3.49, he.RelativePercent, 2);
        var cnn = ErrorChange.FromAccuracy(90.78, 0.35);
        Assert.Equal((9.22, 8.87), (Math.Round(cnn.BaselineError, 2), Math.Round(cnn.Error, 2)));
        Assert.Equal(-3.8, cnn.RelativePercent, 1);
        Assert.Equal("-3.8 %", cnn.Relative);
        Assert.Equal("error 9.22 → 8.87 % (-3.8 % of the error)", cnn.ToString());
        Assert.Equal(0.0, ErrorChange.FromAccuracy(88, 0).RelativePercent);
    }

    [Fact]
    public void He_et_als_gain_is_the_relative_change_of_their_top1_error() =>
        Assert.Equal("-3.5 %", HeImageNet.Gain.Relative);
}
