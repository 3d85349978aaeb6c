using System.Net;
using System.Text;
using PReluKit.Tables;

namespace PReluKit.Reports;

/// <summary>Renders a <see cref="ResultTable"/> as an HTML table (cells are plain text, encoded).</summary>
public static class HtmlTables
{
    /// <summary>The table's page columns as <c>&lt;table&gt;</c>, with its title as the caption.</summary>
    public static string Render(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.ColumnsFor(TableMedium.Page);
        var html = new StringBuilder("<table>");
        if (table.Title.Length > 0)
        {
            html.Append("<caption>").Append(Encode(table.Title)).Append("</caption>");
        }

        html.Append("<thead><tr>").AppendJoin("", columns.Select(c => $"<th>{Encode(c.Column.Header)}</th>")).Append("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>").AppendJoin("", columns.Select(c => Cell(row[c.Index], c.Column.RightAligned))).Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string Cell(string text, bool right) => right ? $"<td class=\"num\">{Encode(text)}</td>" : $"<td>{Encode(text)}</td>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
