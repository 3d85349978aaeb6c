using System.Runtime.CompilerServices;

namespace PReluKit.Tests.Infrastructure;

/// <summary>A fact that needs root (to mount a small tmpfs, say); skipped, saying so, for other users. CI runs as root.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute([CallerFilePath] string file = "", [CallerMemberName] string test = "") =>
        (Skip, DisplayName) = SkipLine.For(file, test, OperatingSystem.IsLinux() && Environment.UserName == "root"
            ? null
            : "needs root on Linux to mount a 1 MB tmpfs (a full disk); .ci/run runs as root and fails on any skip");
}
