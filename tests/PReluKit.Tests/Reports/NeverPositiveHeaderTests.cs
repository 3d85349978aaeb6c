using PReluKit.Activations;
using PReluKit.Reports;
using PReluKit.Summaries;
using PReluKit.Tests.Charts;

namespace PReluKit.Tests.Reports;

/// <summary>The comparison table calls never-positive units dead only for ReLU, and names no ReLU contrast without ReLU.</summary>
public class NeverPositiveHeaderTests
{
    [Fact]
    public void The_column_says_dead_only_for_relu_and_the_caption_drops_the_relu_contrast_without_relu()
    {
        var mixed = ComparisonSummary.From([SyntheticRuns.Run(ActivationSpec.ReLU(), 1, 0.8), SyntheticRuns.Run(ActivationSpec.PReLU(), 1, 0.8)]);
        Assert.Equal("dead (ReLU) / off (%)", ComparisonTable.NeverPositiveHeader(mixed));

        var noRelu = ComparisonSummary.From([SyntheticRuns.Run(ActivationSpec.PReLU(), 1, 0.8), SyntheticRuns.Run(ActivationSpec.PReLUShared(), 1, 0.8)]);
        Assert.Equal("off (%)", ComparisonTable.NeverPositiveHeader(noRelu));
        Assert.DoesNotContain("Δ vs ReLU judged", ComparisonTable.Of(noRelu).Title, StringComparison.Ordinal);
    }
}
