using System.Text.RegularExpressions;

namespace PReluKit.Notebooks;

/// <summary>
/// Turns the references a notebook writes as plain text (<c>arXiv:1502.01852</c>, <c>doi:10.1109/ICCV.2015.123</c>) into
/// markdown links to arxiv.org and doi.org, so every page links its papers without the notebooks spelling out URLs. A
/// reference already inside a link's text or URL is left alone.
/// </summary>
public static partial class ReferenceLinks
{
    /// <summary><paramref name="markdown"/> with each bare arXiv id and DOI written as a link.</summary>
    public static string Linked(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var arxiv = ArxivId().Replace(markdown, m => $"[arXiv:{m.Groups["id"].Value}](https://arxiv.org/abs/{m.Groups["id"].Value})");
        return Doi().Replace(arxiv, m => $"[doi:{m.Groups["doi"].Value}](https://doi.org/{m.Groups["doi"].Value})");
    }

    [GeneratedRegex(@"(?<![\[/\w:.-])arXiv:(?<id>\d{4}\.\d{4,5}(v\d+)?)(?![\]\w])", RegexOptions.CultureInvariant)]
    private static partial Regex ArxivId();

    // A DOI ends before white space, a closing bracket or a sentence's last punctuation.
    [GeneratedRegex(@"(?<![\[/\w:.-])doi:(?<doi>10\.\d{4,9}/[^\s\)\]]*[^\s\)\].,;:])(?![\]])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Doi();
}
