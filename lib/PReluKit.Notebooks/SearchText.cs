using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PReluKit.Notebooks;

/// <summary>
/// The words a reader sees, for the search index and its snippets: markdown without markup, formulas as plain text
/// (<c>\alpha_i</c> → <c>α_i</c>, never raw LaTeX), HTML outputs (tables, readings, chart captions) without tags or
/// scripts. Code is indexed as written, elsewhere.
/// </summary>
public static partial class SearchText
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["alpha"] = "α", ["beta"] = "β", ["gamma"] = "γ", ["delta"] = "δ", ["Delta"] = "Δ", ["epsilon"] = "ε", ["varepsilon"] = "ε",
        ["eta"] = "η", ["theta"] = "θ", ["lambda"] = "λ", ["mu"] = "μ", ["sigma"] = "σ", ["Sigma"] = "Σ", ["tau"] = "τ", ["phi"] = "φ",
        ["partial"] = "∂", ["nabla"] = "∇", ["sum"] = "Σ", ["prod"] = "Π", ["infty"] = "∞", ["pm"] = "±", ["times"] = "×",
        ["cdot"] = "·", ["approx"] = "≈", ["sim"] = "~", ["le"] = "≤", ["leq"] = "≤", ["ge"] = "≥", ["geq"] = "≥", ["neq"] = "≠",
        ["ne"] = "≠", ["in"] = "∈", ["to"] = "→", ["rightarrow"] = "→", ["lVert"] = "‖", ["rVert"] = "‖", ["lvert"] = "|",
        ["rvert"] = "|", ["ldots"] = "…", ["dots"] = "…", ["sqrt"] = "√", ["min"] = "min", ["max"] = "max", ["log"] = "log",
        ["exp"] = "exp", ["quad"] = " ", ["qquad"] = " ", ["left"] = "", ["right"] = "", ["big"] = "", ["Big"] = "",
    };

    /// <summary><paramref name="markdown"/> as plain words: no markup, formulas as text.</summary>
    public static string OfMarkdown(string markdown) =>
        // Formulas first: Markdig's plain text drops a formula's delimiters and keeps its LaTeX. It also keeps raw HTML
        // (<details>, <summary>) as it is: the tags go, their text stays.
        Tag().Replace(Markdig.Markdown.ToPlainText(Formulas(markdown ?? ""), NotebookPage.Markdown), " ");

    /// <summary>The text of <paramref name="html"/> a reader sees: scripts and styles dropped, tags removed, entities decoded, formulas as text.</summary>
    public static string OfHtml(string html) =>
        Formulas(WebUtility.HtmlDecode(Tag().Replace(Invisible().Replace(html ?? "", " "), " ")));

    /// <summary>What a reader sees of a cell's output: its text, or the text of its HTML.</summary>
    public static string OfOutput(JsonNode output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return NotebookCells.Text(output["data"]?["text/html"]) is { Length: > 0 } html ? OfHtml(html) : NotebookPage.PlainText(output);
    }

    /// <summary><paramref name="text"/> with each formula (<c>$…$</c>, <c>$$…$$</c>, <c>\(…\)</c>, <c>\[…\]</c>) as plain text.</summary>
    public static string Formulas(string text) => Formula().Replace(text ?? "", m => MathAsText(m.Groups["math"].Value));

    private static string MathAsText(string latex)
    {
        var text = Fraction().Replace(latex, "$1/$2");
        text = DigitFraction().Replace(text, "$1/$2");
        text = Wrapper().Replace(text, "$1");
        text = Command().Replace(text, m =>
        {
            var name = m.Groups["name"].Value;
            var symbol = Symbols.GetValueOrDefault(name, name);
            // The space after a command only ends its name: "\partial f" reads "∂f"; an operator keeps its spacing ("≈ 646").
            return symbol.Length == 1 && (char.IsLetter(symbol[0]) || symbol is "∂" or "∇") ? symbol : symbol + m.Groups["space"].Value;
        });
        text = Spacing().Replace(text, " ");
        return text.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\$(?<math>.+?)\$\$|\$(?<math>[^$\n]+?)\$|\\\((?<math>.+?)\\\)|\\\[(?<math>.+?)\\\]", RegexOptions.Singleline)]
    private static partial Regex Formula();

    [GeneratedRegex(@"\\[td]?frac\{([^{}]*)\}\{([^{}]*)\}")]
    private static partial Regex Fraction();

    [GeneratedRegex(@"\\[td]?frac(\d)(\d)")]
    private static partial Regex DigitFraction();

    [GeneratedRegex(@"\\(?:text|mathrm|mathbf|mathbb|mathit|operatorname|boldsymbol)\{([^{}]*)\}")]
    private static partial Regex Wrapper();

    [GeneratedRegex(@"\\(?<name>[A-Za-z]+)(?<space> ?)")]
    private static partial Regex Command();

    [GeneratedRegex(@"\\[,;:! ]|~")]
    private static partial Regex Spacing();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Invisible();

    // A tag, not any '<': "a < b" in a reading stays.
    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?/?>")]
    private static partial Regex Tag();
}
