using System.Text.RegularExpressions;

namespace PReluKit.Notebooks;

/// <summary>
/// Points a page's links to sibling notebooks (<c>02-dying-relu.ipynb</c>, as the notebooks link each other for VS Code)
/// at their rendered pages (<c>02-dying-relu.html</c>), keeping any <c>#fragment</c>; every other link is left alone.
/// </summary>
public static partial class NotebookLinks
{
    /// <summary><paramref name="html"/> with each <c>href</c> to one of <paramref name="pages"/> (names without extension) as <c>.html</c>.</summary>
    public static string ToPages(string html, IReadOnlySet<string> pages)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pages);
        return SiblingLink().Replace(html, m => pages.Contains(Uri.UnescapeDataString(m.Groups["name"].Value))
                                                   ? $"href=\"{m.Groups["prefix"].Value}{m.Groups["name"].Value}.html{m.Groups["fragment"].Value}\""
                                                   : m.Value);
    }

    // Only a bare file name or ./name counts as a sibling: a path into another folder is not one of the site's pages.
    [GeneratedRegex(@"href=""(?<prefix>\./)?(?<name>[^""/#?:]+)\.ipynb(?<fragment>#[^""]*)?""", RegexOptions.CultureInvariant)]
    private static partial Regex SiblingLink();
}
