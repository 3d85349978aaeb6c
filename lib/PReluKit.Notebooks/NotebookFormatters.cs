using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.DotNet.Interactive.Formatting;
using PReluKit.Charts;
using PReluKit.Metrics;
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

    private static string Summary(ComparisonSummary summary) => Table(
        ["activation", "runs", "test accuracy (%)", "Δ vs ReLU (points)", "s / epoch", "time vs ReLU", "dead (%)", "verdict"],
        summary.Rows.Select(r => new[]
        {
            r.DisplayName, r.Diverged == 0 ? $"{r.Runs}" : $"{r.Runs} ({r.Diverged} diverged)", r.TestAccuracy?.ToString("0.00") ?? "—",
            r.AccuracyVsBaseline?.ToString("+0.00;-0.00;0.00") ?? "—", r.EpochSeconds?.ToString("0.000") ?? "—",
            r.TimeRatioVsBaseline?.ToString("0.000") ?? "—", r.DeadPercent.ToString("0.0", CultureInfo.InvariantCulture), r.Verdict,
        }));

    private static string Dead(DeadNeuronReport report) => Table(
        ["layer", "units", "dead", "dead %", .. DeadNeuronReport.Taus.Select(t => $"dormant τ={DeadNeuronReport.TauKey(t)}"), "mean on-rate"],
        report.Layers.Select(l => (string[])[
            l.Layer, $"{l.Units}", $"{l.DeadUnits}", l.DeadPercent.ToString("0.0", CultureInfo.InvariantCulture),
            .. DeadNeuronReport.Taus.Select(t => $"{l.Dormant[DeadNeuronReport.TauKey(t)]}"), l.MeanOnRate.ToString("0.000", CultureInfo.InvariantCulture)]));

    private static string Table(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        var html = new StringBuilder("<table><thead><tr>");
        html.AppendJoin("", headers.Select(h => $"<th>{Encode(h)}</th>")).Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>").AppendJoin("", row.Select(c => $"<td>{Encode(c)}</td>")).Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
