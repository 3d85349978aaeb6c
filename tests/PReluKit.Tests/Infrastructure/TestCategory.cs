namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// The trait that sets the slow end-to-end tests (whole notebook renders, scripts built with dotnet run, sweeps, the benchmark)
/// apart: tests/PReluKit.Tests/default.runsettings leaves them out of a plain <c>dotnet test</c>, and .ci/run runs them too.
/// </summary>
public static class TestCategory
{
    /// <summary>The trait's name.</summary>
    public const string Name = "Category";

    /// <summary>The slow end-to-end tests.</summary>
    public const string EndToEnd = "EndToEnd";
}
