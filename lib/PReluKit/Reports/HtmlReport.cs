using System.Net;
using System.Text;
using PReluKit.Charts;
using PReluKit.IO;
using PReluKit.Tables;

namespace PReluKit.Reports;

/// <summary>
/// A standalone HTML page that opens anywhere offline: plotly.js (2.28.0, embedded in Plotly.NET) is inlined once in
/// the head, and each chart adds only its own div and plotting script. No external requests. A page of a site loads
/// plotly.js and KaTeX from the files the site writes once beside its pages instead (<see cref="PageFrame.LoadsSharedAssets"/>).
/// </summary>
public sealed class HtmlReport(string title)
{
    private readonly StringBuilder _body = new();

    private bool _math;

    private PageFrame _frame = PageFrame.None;

    /// <summary>The number of charts added so far.</summary>
    public int ChartCount { get; private set; }

    /// <summary>Typesets LaTeX (\( … \) and \[ … \]) with KaTeX inlined in the page (<see cref="MathTypesetting"/>); without KaTeX the page says so.</summary>
    public HtmlReport WithMath()
    {
        _math = true;
        return this;
    }

    /// <summary>Puts the page inside a site's frame (stylesheets, sidebar, navigation); see <see cref="PageFrame"/>.</summary>
    public HtmlReport WithFrame(PageFrame frame)
    {
        _frame = frame ?? throw new ArgumentNullException(nameof(frame));
        return this;
    }

    /// <summary>Adds a section heading.</summary>
    public HtmlReport Heading(string text)
    {
        _body.Append("<h2>").Append(Encode(text)).AppendLine("</h2>");
        return this;
    }

    /// <summary>Adds a paragraph of plain text.</summary>
    public HtmlReport Paragraph(string text)
    {
        _body.Append("<p>").Append(Encode(text)).AppendLine("</p>");
        return this;
    }

    /// <summary>Adds a table (its page columns).</summary>
    public HtmlReport Table(ResultTable table)
    {
        _body.AppendLine(HtmlTables.Render(table));
        return this;
    }

    /// <summary>Adds links to files next to the report (relative paths).</summary>
    public HtmlReport Links(IEnumerable<(string Text, string RelativePath)> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        _body.Append("<ul class=\"links\">")
            .AppendJoin("", links.Select(l => $"<li><a href=\"{Encode(l.RelativePath)}\">{Encode(l.Text)}</a></li>"))
            .AppendLine("</ul>");
        return this;
    }

    /// <summary>Adds trusted HTML as it is (e.g. a notebook's own outputs).</summary>
    public HtmlReport Raw(string html)
    {
        _body.AppendLine(html);
        return this;
    }

    /// <summary>Adds a block of source code.</summary>
    public HtmlReport Code(string source)
    {
        _body.Append("<pre class=\"code\"><code>").Append(Encode(source)).AppendLine("</code></pre>");
        return this;
    }

    /// <summary>Adds preformatted plain text (e.g. a cell's text output).</summary>
    public HtmlReport Preformatted(string text)
    {
        _body.Append("<pre class=\"output\">").Append(Encode(text)).AppendLine("</pre>");
        return this;
    }

    /// <summary>Adds a chart with its takeaway under it.</summary>
    public HtmlReport Chart(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        _body.AppendLine("<figure class=\"chart\">")
            .AppendLine(Plotly.NET.GenericChart.toChartHTML(chart.Chart))
            .Append("<figcaption>").Append(Encode(chart.Takeaway)).AppendLine("</figcaption></figure>");
        ChartCount++;
        return this;
    }

    /// <summary>The complete page.</summary>
    public string Render() =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <style>
        body {"{"} font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; padding: 0 1rem; {"}"}
        table {"{"} border-collapse: collapse; margin: 1rem 0; {"}"}
        th, td {"{"} border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; {"}"}
        th {"{"} background: #f0f3f8; {"}"}
        td.num {"{"} text-align: right; font-variant-numeric: tabular-nums; {"}"}
        caption {"{"} text-align: left; font-weight: 600; margin-bottom: 0.3rem; {"}"}
        figure.chart {"{"} margin: 1.5rem 0; {"}"}
        figcaption {"{"} color: #444; font-style: italic; {"}"}
        pre.code {"{"} background: #f6f8fa; padding: 0.6rem; overflow-x: auto; border-left: 3px solid #4c78a8; {"}"}
        pre.output {"{"} background: #fbfbfb; padding: 0.4rem 0.6rem; white-space: pre-wrap; {"}"}
        </style>
        {(_frame.LoadsSharedAssets ? $"<script src=\"{SharedAssets.PlotlyFile}\"></script>" : $"<script type=\"text/javascript\">{SharedAssets.PlotlyJs}</script>")}
        <script type="text/javascript">
        // Charts rendered by Plotly.NET.Interactive ask require.js for plotly; hand them the inlined copy instead of a CDN.
        window.requirejs = function () {"{"}{"}"};
        window.requirejs.config = function () {"{"} return function (deps, callback) {"{"} callback(window.Plotly); {"}"}; {"}"};
        </script>
        {(_math ? (_frame.LoadsSharedAssets ? SharedAssets.MathHeadElements : MathTypesetting.HeadElements) ?? "" : "")}
        {_frame.Head}
        </head>
        <body>
        {_frame.BeforeTitle}
        <h1>{Encode(title)}</h1>
        {_frame.AfterTitle}
        {(_math && !MathTypesetting.IsAvailable ? "<p class=\"note\">Formulas are shown as LaTeX source: install Debian's libjs-katex (or set PRELUKIT_KATEX) to typeset them.</p>" : "")}
        {_body}
        {_frame.End}
        </body>
        </html>
        """;

    /// <summary>Writes the page atomically (temp file, then rename).</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, Render());

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
