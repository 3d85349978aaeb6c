namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// What a conditionally skipped test shows. dotnet test's console prints a skipped test's name but not its reason, so the
/// reason goes into the name: "Class.Method — skipped: needs Debian's chromium …", one line where a user reads it.
/// </summary>
internal static class SkipLine
{
    /// <summary>(Skip, DisplayName) for the test <paramref name="test"/> in <paramref name="file"/>; both null when it runs.</summary>
    public static (string? Skip, string? DisplayName) For(string file, string test, string? reason) =>
        reason is null ? (null, null) : (reason, $"{Path.GetFileNameWithoutExtension(file)}.{test} — skipped: {reason}");
}
