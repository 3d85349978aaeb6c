using System.Text;
using System.Text.RegularExpressions;

namespace PReluKit.Reports;

/// <summary>
/// KaTeX for offline pages: the script, its auto-render extension and its style with every font inlined (woff2 as data
/// URIs), so formulas are typeset in the browser with no request. KaTeX comes from Debian's <c>libjs-katex</c> (or the
/// folder <see cref="FolderVariable"/> names: one with <c>katex.min.js</c>, <c>katex.min.css</c>, <c>contrib/auto-render.js</c>
/// and <c>fonts/</c>); without it, pages show formulas as their LaTeX source and say so.
/// </summary>
public static partial class MathTypesetting
{
    /// <summary>Names a KaTeX folder to use instead of Debian's.</summary>
    public const string FolderVariable = "PRELUKIT_KATEX";

    /// <summary>Where Debian's libjs-katex installs it.</summary>
    public const string SystemFolder = "/usr/share/javascript/katex";

    private static readonly Lazy<string?> Block = new(Build);

    /// <summary>True when KaTeX was found.</summary>
    public static bool IsAvailable => Block.Value is not null;

    /// <summary>The &lt;style&gt; and &lt;script&gt; elements for a page's head, or null without KaTeX.</summary>
    public static string? HeadElements => Block.Value;

    private static string? Build()
    {
        var folder = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } custom ? custom : SystemFolder;
        string[] files = ["katex.min.js", "katex.min.css", Path.Combine("contrib", "auto-render.js")];
        if (files.Any(f => !File.Exists(Path.Combine(folder, f))))
        {
            return null;
        }

        // Only the woff2 sources: every browser that runs the page reads them; the others would triple the size.
        var css = FontUrl().Replace(File.ReadAllText(Path.Combine(folder, "katex.min.css")), match =>
        {
            var font = Path.Combine(folder, match.Groups[1].Value);
            return File.Exists(font) ? $"url(data:font/woff2;base64,{Convert.ToBase64String(File.ReadAllBytes(font))}) format('woff2')" : match.Value;
        });
        css = OtherFormats().Replace(css, "");
        return new StringBuilder()
            .Append("<style>").Append(css).AppendLine("</style>")
            .Append("<script>").Append(File.ReadAllText(Path.Combine(folder, "katex.min.js"))).AppendLine("</script>")
            .Append("<script>").Append(File.ReadAllText(Path.Combine(folder, "contrib", "auto-render.js"))).AppendLine("</script>")
            .AppendLine("""
                <script>
                document.addEventListener("DOMContentLoaded", function () {
                  renderMathInElement(document.body, {
                    delimiters: [{ left: "\\[", right: "\\]", display: true }, { left: "\\(", right: "\\)", display: false }],
                    ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code"],
                    throwOnError: false
                  });
                });
                </script>
                """)
            .ToString();
    }

    [GeneratedRegex(@"url\((fonts/[^)]+\.woff2)\) format\('woff2'\)")]
    private static partial Regex FontUrl();

    [GeneratedRegex(@",url\(fonts/[^)]+\.(woff|ttf)\) format\('(woff|truetype)'\)")]
    private static partial Regex OtherFormats();
}
