using System.Globalization;
using System.Net;
using Microsoft.DotNet.Interactive.Formatting;
using PReluKit.Charts;
using PReluKit.Metrics;
using PReluKit.Reports;
using PReluKit.Training;
using static TorchSharp.torch;

namespace PReluKit.Notebooks;

/// <summary>HTML for the kit's results and short text for tensors in notebook outputs.</summary>
public static class NotebookFormatters
{
    /// <summary>Registers the formatters (idempotent in effect: later registrations replace earlier ones).</summary>
    public static void Register()
    {
        Formatter.Register<ReportChart>(chart => Chart(chart), "text/html");
        Formatter.Register<ComparisonSummary>(Summary, "text/html");
        Formatter.Register<DeadNeuronReport>(Dead, "text/html");
        Formatter.Register<ProgressLine>(line => Reports.ProgressLineHtml.Render(line.Text), "text/html");
        Formatter.Register<Tensor>(Describe, "text/plain");
        Formatter.SetPreferredMimeTypesFor(typeof(Tensor), "text/plain"); // not the kernel's default HTML dump of every value
    }

    /// <summary>A chart as the kernel's Plotly formatter renders it, with its takeaway under it.</summary>
    public static string Chart(ReportChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.Chart.ToDisplayString("text/html") + $"<p><em>{Encode(chart.Takeaway)}</em></p>";
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

    private static string Summary(ComparisonSummary summary) => HtmlTables.Render(ComparisonTable.Of(summary));

    private static string Dead(DeadNeuronReport report) => HtmlTables.Render(DeadNeuronTable.Of("", report.Layers));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
