using System.Net;

namespace PReluKit.Notebooks;

/// <summary>
/// The HTML of a status line that updates in place in a notebook. Saved notebooks keep every update as its own
/// output; page renderers recognise them by <see cref="CssClass"/> and keep only the last, as the live view does.
/// </summary>
public static class ProgressLineHtml
{
    /// <summary>The class of the rendered element.</summary>
    public const string CssClass = "prelukit-progress";

    /// <summary>The element for <paramref name="text"/>.</summary>
    public static string Render(string text) => $"<div class=\"{CssClass}\">{WebUtility.HtmlEncode(text)}</div>";

    /// <summary>Whether <paramref name="html"/> is such a line.</summary>
    public static bool IsProgress(string html) =>
        html?.Contains($"class=\"{CssClass}\"", StringComparison.Ordinal) ?? false;
}
