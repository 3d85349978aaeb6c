namespace PReluKit.Tables;

/// <summary>
/// A table of results as text cells: the one model behind each table the kit shows, rendered by the CLI (Spectre), the
/// HTML report and the notebook formatters. It sits below every other namespace of the kit, so any room can
/// return one without reaching up.
/// </summary>
/// <param name="Title">The title (a caption in HTML); empty for none.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="Rows">The cells, one list per row in column order.</param>
public sealed record ResultTable(string Title, IReadOnlyList<ResultColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>A table whose columns are all shown everywhere and left-aligned.</summary>
    public static ResultTable Plain(string title, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        new(title, [.. headers.Select(h => new ResultColumn(h))], [.. rows]);

    /// <summary>
    /// The table as plain text for a terminal or a log: the title, then the terminal's columns padded to their widest cell
    /// (numbers right-aligned) under a rule. The CLI draws the same table with borders; notebooks show it as HTML.
    /// </summary>
    public override string ToString()
    {
        var columns = ColumnsFor(TableMedium.Terminal);
        var widths = columns.Select(c => Rows.Select(r => r[c.Index].Length).Append(c.Column.Header.Length).Max()).ToList();
        string Line(Func<int, string> cell) =>
            string.Join("  ", columns.Select((c, i) => c.Column.RightAligned ? cell(c.Index).PadLeft(widths[i]) : cell(c.Index).PadRight(widths[i]))).TrimEnd();
        var lines = new List<string>();
        if (Title.Length > 0)
        {
            lines.Add(Title);
        }

        lines.Add(Line(i => Columns[i].Header));
        lines.Add(string.Join("  ", widths.Select(w => new string('-', w))));
        lines.AddRange(Rows.Select(row => Line(i => row[i])));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The columns a medium shows, with the index of each in a row.</summary>
    public IReadOnlyList<(ResultColumn Column, int Index)> ColumnsFor(TableMedium medium) =>
        [.. Columns.Select((c, i) => (c, i)).Where(p => p.c.Shown == TableMedium.Everywhere || p.c.Shown == medium)];
}
