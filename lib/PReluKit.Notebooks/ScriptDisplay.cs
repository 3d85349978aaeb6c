using System.Text.Json.Nodes;

namespace PReluKit.Notebooks;

/// <summary>An output of a <see cref="ScriptNotebook"/> cell that can be replaced in place, as the kernel's <c>DisplayedValue</c>.</summary>
public sealed class ScriptDisplay
{
    private readonly JsonArray _outputs;
    private readonly int _at;

    internal ScriptDisplay(JsonArray outputs, int at)
    {
        _outputs = outputs;
        _at = at;
    }

    /// <summary>Replaces the shown value with <paramref name="value"/>.</summary>
    public void Update(object? value) => _outputs[_at] = ScriptNotebook.Output(value);
}
