using System.Runtime.CompilerServices;

namespace PReluKit.Tests.Infrastructure;

/// <summary>A fact that opens pages in Debian's headless Chromium; skipped, naming the package, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute([CallerFilePath] string file = "", [CallerMemberName] string test = "") =>
        (Skip, DisplayName) = SkipLine.For(file, test, SystemPackage.SkipReason(SystemPackage.Chromium));
}
