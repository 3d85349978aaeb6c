using System.Runtime.CompilerServices;

namespace PReluKit.Tests.Infrastructure;

/// <summary>A fact that needs root (to mount a small tmpfs, say); skipped, saying so, for other users. CI runs as root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    /// <param name="purpose">What the test needs root for, as its skip line says it.</param>
    /// <param name="file">The test's file (the compiler fills it in).</param>
    /// <param name="test">The test (the compiler fills it in).</param>
    public RootFactAttribute(string purpose = "to mount a 1 MB tmpfs (a full disk)",
                             [CallerFilePath] string file = "", [CallerMemberName] string test = "") =>
        (Skip, DisplayName) = SkipLine.For(file, test, OperatingSystem.IsLinux() && Environment.UserName == "root"
            ? null
            : $"needs root on Linux {purpose}; .ci/run runs as root and fails on any skip");
}
