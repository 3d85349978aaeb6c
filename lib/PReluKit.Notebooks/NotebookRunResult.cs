namespace PReluKit.Notebooks;

/// <summary>How a headless notebook run went: cells run, and the first failure, where execution stopped (as Jupyter does).</summary>
/// <param name="CodeCells">Code cells in the notebook.</param>
/// <param name="CellsRun">Code cells executed, the failed one included.</param>
/// <param name="FailedCell">The 1-based index (among code cells) of the cell that failed, or null.</param>
/// <param name="Error">The first line of that cell's error, or null.</param>
public sealed record NotebookRunResult(int CodeCells, int CellsRun, int? FailedCell, string? Error)
{
    /// <summary>True when every code cell ran without an error.</summary>
    public bool Succeeded => FailedCell is null;

    /// <summary>"ok", or "cell 3 of 12 failed: …".</summary>
    public override string ToString() => Succeeded ? "ok" : $"cell {FailedCell} of {CodeCells} failed: {Error}";
}
