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

    /// <summary>The KaTeX folder in use, or null when there is none.</summary>
    internal static string? Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } custom ? custom : SystemFolder;
            return Files.All(f => File.Exists(Path.Combine(folder, f))) ? folder : null;
        }
    }

    /// <summary>The files of KaTeX a page loads: the script, the style, the auto-render extension.</summary>
    internal static readonly string[] Files = ["katex.min.js", "katex.min.css", Path.Combine("contrib", "auto-render.js")];

    /// <summary>Typesets the page's \( … \) and \[ … \] once it is loaded, leaving code alone.</summary>
    internal const string RenderScript = """
        <script>
        document.addEventListener("DOMContentLoaded", function () {
          renderMathInElement(document.body, {
            delimiters: [{ left: "\\[", right: "\\]", display: true }, { left: "\\(", right: "\\)", display: false }],
            ignoredTags: ["script", "noscript", "style", "textarea", "pre", "code"],
            throwOnError: false
          });
        });
        </script>
        """;

    /// <summary>KaTeX's style with only its woff2 sources, each written by <paramref name="font"/> (a data URI, or a file).</summary>
    internal static string Style(string folder, Func<string, string> font)
    {
        // Only the woff2 sources: every browser that runs the page reads them; the others would triple the size.
        var css = FontUrl().Replace(File.ReadAllText(Path.Combine(folder, "katex.min.css")), match =>
            File.Exists(Path.Combine(folder, match.Groups[1].Value)) ? $"url({font(match.Groups[1].Value)}) format('woff2')" : match.Value);
        return OtherFormats().Replace(css, "");
    }

    private static string? Build()
    {
        if (Folder is not { } folder)
        {
            return null;
        }

        var css = Style(folder, font => $"data:font/woff2;base64,{Convert.ToBase64String(File.ReadAllBytes(Path.Combine(folder, font)))}");
        return new StringBuilder()
            .Append("<style>").Append(css).AppendLine("</style>")
            .Append("<script>").Append(File.ReadAllText(Path.Combine(folder, "katex.min.js"))).AppendLine("</script>")
            .Append("<script>").Append(File.ReadAllText(Path.Combine(folder, "contrib", "auto-render.js"))).AppendLine("</script>")
            .AppendLine(RenderScript)
            .ToString();
    }

    [GeneratedRegex(@"url\((fonts/[^)]+\.woff2)\) format\('woff2'\)")]
    private static partial Regex FontUrl();

    [GeneratedRegex(@",url\(fonts/[^)]+\.(woff|ttf)\) format\('(woff|truetype)'\)")]
    private static partial Regex OtherFormats();
}
