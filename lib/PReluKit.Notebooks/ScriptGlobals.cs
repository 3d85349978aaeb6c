using System.Diagnostics.CodeAnalysis;

namespace PReluKit.Notebooks;

/// <summary>
/// The notebook helpers an exported script's cells call, spelled as in the kernel (<c>using static</c> in the script).
/// </summary>
public static class ScriptGlobals
{
    /// <summary>Shows <paramref name="value"/> under the current cell, as the kernel's <c>display</c> does.</summary>
    [SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "The kernel's name, so notebook code compiles unchanged.")]
    public static ScriptDisplay display(object? value) =>
        (ScriptNotebook.Current ?? throw new InvalidOperationException("display: no notebook script is running")).Display(value);
}
