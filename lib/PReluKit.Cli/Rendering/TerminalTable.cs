using PReluKit.Reports;
using Spectre.Console;

namespace PReluKit.Cli.Rendering;

/// <summary>Renders a <see cref="ResultTable"/>'s terminal columns with Spectre.Console.</summary>
internal static class TerminalTable
{
    public static Table Render(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var columns = table.ColumnsFor(TableMedium.Terminal);
        var rendered = new Table();
        if (table.Title.Length > 0)
        {
            rendered.Title(Markup.Escape(table.Title));
        }

        foreach (var (column, _) in columns)
        {
            var header = new TableColumn(Markup.Escape(column.Header));
            rendered.AddColumn(column.RightAligned ? header.RightAligned() : header);
        }

        foreach (var row in table.Rows)
        {
            rendered.AddRow([.. columns.Select(c => Markup.Escape(row[c.Index]))]);
        }

        return rendered;
    }
}
