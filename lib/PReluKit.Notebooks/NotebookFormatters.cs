using System.Globalization;
using System.Net;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.FSharp.Core;
using Plotly.NET;
using PReluKit.Charts;
using PReluKit.Metrics;
using PReluKit.Reports;
using PReluKit.Summaries;
using PReluKit.Tables;
using static TorchSharp.torch;

namespace PReluKit.Notebooks;

/// <summary>
/// HTML for the kit's results, charts and tables, and short text for tensors in notebook outputs. The kit renders charts
/// and DataFrames itself, so VS Code and the headless runner show the same thing without a kernel extension.
/// </summary>
public static class NotebookFormatters
{
    /// <summary>Where notebook charts load plotly.js from (the version embedded in Plotly.NET 6); the offline pages inline it instead.</summary>
    public const string PlotlyCdn = "https://cdn.plot.ly/plotly-2.28.0.min";

    /// <summary>Registers the formatters (idempotent in effect: later registrations replace earlier ones).</summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>(ChartHtml, "text/html");
        Formatter.Register<ReportChart>(chart => Chart(chart), "text/html");
        Formatter.Register<ResultTable>(HtmlTables.Render, "text/html");
        Formatter.Register<DataFrame>(frame => HtmlTables.Render(Table(frame)), "text/html");
        Formatter.Register<ComparisonSummary>(Summary, "text/html");
        Formatter.Register<DeadNeuronReport>(Dead, "text/html");
        Formatter.Register<Claim>(claim => $"<p>{Encode(claim.Reading)}</p>", "text/html");
        Formatter.Register<IEnumerable<Claim>>(claims => string.Concat(claims.Select(c => $"<p>{Encode(c.Reading)}</p>")), "text/html");
        Formatter.Register<ProgressLine>(line => ProgressLineHtml.Render(line.Text), "text/html");
        Formatter.Register<Tensor>(Describe, "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(Tensor), "text/plain"); // not the kernel's default HTML dump of every value
    }

    /// <summary>A chart as the kernel's Plotly formatter renders it, with its takeaway under it.</summary>
    public static string Chart(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return ChartHtml(chart.Chart) + $"<p><em>{Encode(chart.Takeaway)}</em></p>";
    }

    /// <summary>A chart's div and script, loading plotly.js with require.js as Polyglot Notebooks' Plotly formatter does.</summary>
    public static string ChartHtml(GenericChart chart)
    {
        var options = DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NewRequire(PlotlyCdn)));
        return GenericChart.toChartHTML(GenericChart.setDisplayOptions(options, chart));
    }

    /// <summary>A DataFrame as a plain table: numbers with up to four decimals.</summary>
    public static ResultTable Table(DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        static string Cell(object? value) => value switch
        {
            null => "",
            double d => d.ToString("0.####", CultureInfo.InvariantCulture),
            float f => f.ToString("0.####", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return ResultTable.Plain("", [.. frame.Columns.Select(c => c.Name)], frame.Rows.Select(row => (IReadOnlyList<string>)[.. row.Select(Cell)]));
    }

    /// <summary>"Tensor [8, 16] Float32: -0.12, 0.53, … (128 values)".</summary>
    public static string Describe(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        using var flat = tensor.detach().flatten().to_type(ScalarType.Float64);
        var count = flat.numel();
        var shown = flat.narrow(0, 0, Math.Min(count, 6)).data<double>().ToArray();
        return $"Tensor {Shapes.Format(tensor.shape)} {tensor.dtype}: " +
               string.Join(", ", shown.Select(v => v.ToString("0.####", CultureInfo.InvariantCulture))) + (count > 6 ? $", … ({count:N0} values)" : "");
    }

    private static string Summary(ComparisonSummary summary) =>
        HtmlTables.Render(ComparisonTable.Of(summary)) + HtmlTables.Render(ComparisonTable.Contrasts(summary));

    private static string Dead(DeadNeuronReport report) => HtmlTables.Render(DeadNeuronTable.Of("", report.Layers));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
