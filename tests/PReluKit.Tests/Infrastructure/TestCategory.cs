namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// The trait that sets the slow end-to-end tests apart (notebooks 03–05 rendered, scripts trained through dotnet run, three
/// shard processes, the benchmark, processes killed, raced and resumed, damaged folders merged): each takes tens of seconds on
/// two cores, and quicker tests of the same areas stay in the plain run. tests/PReluKit.Tests/default.runsettings leaves
/// them out of a plain <c>dotnet test</c>; .ci/run runs them too.
/// </summary>
public static class TestCategory
{
    /// <summary>The trait's name.</summary>
    public const string Name = "Category";

    /// <summary>The slow end-to-end tests.</summary>
    public const string EndToEnd = "EndToEnd";
}
