namespace PReluKit.Tables;

/// <summary>One column of a <see cref="ResultTable"/>.</summary>
/// <param name="Header">The header.</param>
/// <param name="RightAligned">Numbers are right-aligned.</param>
/// <param name="Shown">Where the column appears: everywhere, or only in a terminal (short forms) or on a page (wide columns).</param>
public sealed record ResultColumn(string Header, bool RightAligned = false, TableMedium Shown = TableMedium.Everywhere);
