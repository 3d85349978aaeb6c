using PReluKit.Tables;
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

        foreach (var (column, index) in columns)
        {
            var header = new TableColumn(Markup.Escape(column.Header));
            header = column.RightAligned ? header.RightAligned() : header;
            rendered.AddColumn(index == 0 ? header.NoWrap() : header); // names (activation, layer) stay whole
        }

        foreach (var row in table.Rows)
        {
            rendered.AddRow([.. columns.Select(c => Markup.Escape(row[c.Index]))]);
        }

        return rendered;
    }
}
