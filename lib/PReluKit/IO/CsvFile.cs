using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace PReluKit.IO;

/// <summary>
/// Writes a DataFrame as CSV a person can read and any tool can parse: UTF-8 (so "±" and "α" survive), RFC 4180 quoting,
/// numbers with at most six decimals (tiny ones in scientific notation), missing values as empty cells; atomically.
/// </summary>
public static class CsvFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="frame"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, Utf8, leaveOpen: true) { NewLine = "\n" };
            writer.WriteLine(string.Join(',', frame.Columns.Select(c => Text(c.Name))));
            foreach (var row in frame.Rows)
            {
                writer.WriteLine(string.Join(',', row.Select(Cell)));
            }
        });
    }

    /// <summary>One cell: numbers in invariant culture, text quoted when it must be.</summary>
    internal static string Cell(object? value) => value switch
    {
        null => "",
        double d => Number(d),
        float f => Number(f),
        string s => Text(s),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Text(value.ToString() ?? ""),
    };

    private static string Number(double value) =>
        !double.IsFinite(value) ? (double.IsNaN(value) ? "" : value > 0 ? "inf" : "-inf")
        : value == 0 || Math.Abs(value) >= 1e-4 ? value.ToString("0.######", CultureInfo.InvariantCulture)
        : value.ToString("0.#####e+0", CultureInfo.InvariantCulture);

    private static string Text(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
