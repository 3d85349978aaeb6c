namespace PReluKit.Notebooks;

/// <summary>
/// One status line of <see cref="NotebookProgress"/>; it renders through <see cref="ProgressLineHtml"/> so that
/// page renderers can keep only the last line, as VS Code does when the line updates in place.
/// </summary>
/// <param name="Text">The status.</param>
public sealed record ProgressLine(string Text)
{
    /// <inheritdoc />
    public override string ToString() => Text;
}
