namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// A theory that executes notebooks. Outside CI it is skipped, saying why, when the local tools are not restored;
/// in CI (CI=true) it always runs, since .ci/run restores them.
/// </summary>
public sealed class NotebookTheoryAttribute : TheoryAttribute
{
    public NotebookTheoryAttribute()
    {
        if (!NotebookRunner.ToolRestored && Environment.GetEnvironmentVariable("CI") is not ("true" or "1"))
        {
            Skip = "dotnet-repl is not restored (run `dotnet tool restore` in the repository).";
        }
    }
}
