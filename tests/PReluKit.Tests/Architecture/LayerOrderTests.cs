namespace PReluKit.Tests.Architecture;

/// <summary>
/// The library's namespaces form a stack: each uses only those below it, so a newcomer can read the kit from the bottom up
/// and a change to one room never reaches the rooms beneath it.
/// </summary>
public class LayerOrderTests
{
    /// <summary>
    /// The library's namespaces from the bottom up, the one place the order is written: a namespace may use those listed
    /// before it and never one listed after it.
    /// </summary>
    internal static string[] BottomUp { get; } =
    [
        // Every PReluKit.* namespace sees the root's types without a using, so the root can only be the bottom.
        "PReluKit",
        "PReluKit.Tables",
        "PReluKit.IO",
        "PReluKit.Native",
        "PReluKit.Kernels",
        "PReluKit.Statistics",
        "PReluKit.Activations",
        "PReluKit.Data.Idx",
        "PReluKit.Data",
        "PReluKit.Models",
        "PReluKit.Metrics",
        "PReluKit.Training",
        "PReluKit.Runs",
        "PReluKit.Summaries",
        "PReluKit.Benchmarking",
        "PReluKit.Charts",
        "PReluKit.Reports",
        // Whole jobs (a comparison from folder to report) that the CLI, the scripts and the notebooks call.
        "PReluKit.Jobs",
        // The entry point of the file-based scripts in notebooks/scripts.
        "PReluKit.Scripts",
    ];

    [Fact]
    public void Every_namespace_of_the_library_has_its_place_in_the_order()
    {
        var unplaced = LibraryNamespaces.Uses.Keys.Except(BottomUp).Order(StringComparer.Ordinal).ToList();

        Assert.True(unplaced.Count == 0, $"Not in {nameof(BottomUp)}: {string.Join(", ", unplaced)}.");
    }

    [Fact]
    public void No_namespace_uses_one_above_it()
    {
        var upward = LibraryNamespaces.Uses
            .Where(n => BottomUp.Contains(n.Key))
            .SelectMany(n => n.Value.Select(use => (From: n.Key, use.Namespace, use.Where)))
            .Where(u => Array.IndexOf(BottomUp, u.Namespace) > Array.IndexOf(BottomUp, u.From))
            .Select(u => $"{u.From} uses {u.Namespace} ({u.Where})")
            .ToList();

        Assert.True(upward.Count == 0, "Uses that point up:\n" + string.Join("\n", upward));
    }
}
