using System.Globalization;
using PReluKit.Tables;
using static TorchSharp.torch;

namespace PReluKit.Models;

/// <summary>A model's layers as a table: name, module, parameter shapes and counts — the model written out.</summary>
public static class ModelSummary
{
    /// <summary>One row per direct child of <paramref name="model"/>, and a total.</summary>
    public static ResultTable Of(nn.Module model, string title)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = model.named_children().Select(c =>
        {
            var parameters = c.module.named_parameters().ToList();
            var shapes = string.Join(", ", parameters.Select(p => $"{p.name} {Shapes.Format(p.parameter.shape)}"));
            var count = parameters.Sum(p => p.parameter.numel());
            return (IReadOnlyList<string>)[c.name, c.module.GetType().Name, shapes, count.ToString("N0", CultureInfo.InvariantCulture)];
        }).ToList();
        var total = model.parameters().Sum(p => p.numel());
        rows.Add(["total", "", "", total.ToString("N0", CultureInfo.InvariantCulture)]);
        return new ResultTable(title, [new("layer"), new("module"), new("parameters"), new("count", RightAligned: true)], rows);
    }
}
