namespace PReluKit.Notebooks;

/// <summary>A markdown file of the course site (the index's opening, the glossary): its first <c># heading</c> and the rest.</summary>
/// <param name="Title">The first <c># heading</c>'s text, or the fallback when there is none.</param>
/// <param name="Body">The markdown without that heading.</param>
public sealed record MarkdownPage(string Title, string Body)
{
    /// <summary>Splits <paramref name="markdown"/> into its first heading and the rest; <paramref name="fallbackTitle"/> without one.</summary>
    public static MarkdownPage Parse(string markdown, string fallbackTitle)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var heading = Array.FindIndex(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        return new MarkdownPage(heading < 0 ? fallbackTitle : lines[heading][2..].Trim(), string.Join('\n', lines.Where((_, i) => i != heading)));
    }
}
