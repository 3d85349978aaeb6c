using System.Globalization;

namespace PReluKit;

/// <summary>Formats tensor shapes for error messages and reports.</summary>
public static class Shapes
{
    /// <summary>Formats a shape as <c>[8, 16, 5, 5]</c>.</summary>
    public static string Format(IEnumerable<long> shape) =>
        "[" + string.Join(", ", shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + "]";
}
