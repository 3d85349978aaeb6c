namespace PReluKit.Reports;

/// <summary>
/// What a site adds around each of its <see cref="HtmlReport"/> pages. Every part is trusted HTML, inserted as it is.
/// </summary>
/// <param name="Head">Inside <c>head</c>, after the page's own styles (e.g. a shared stylesheet).</param>
/// <param name="BeforeTitle">At the start of <c>body</c>, before the title (e.g. a sidebar).</param>
/// <param name="AfterTitle">Right under the title (e.g. a lead line).</param>
/// <param name="End">At the end of <c>body</c> (e.g. previous/next links, scripts).</param>
public sealed record PageFrame(string Head, string BeforeTitle, string AfterTitle, string End)
{
    /// <summary>No frame: a standalone page.</summary>
    public static PageFrame None { get; } = new("", "", "", "");

    /// <summary>
    /// True when the site writes plotly.js and KaTeX once beside its pages (<see cref="SharedAssets.Write"/>) and each page
    /// loads them from there instead of inlining them: a site of many pages then carries one copy (plotly.js alone is 3.6 MB).
    /// </summary>
    public bool LoadsSharedAssets { get; init; }
}
