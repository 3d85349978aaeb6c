using System.Runtime.CompilerServices;

namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// A theory that opens pages in Debian's headless Chromium and checks their formulas typeset with Debian's KaTeX; skipped,
/// naming the packages, where either is not installed.
/// </summary>
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute([CallerFilePath] string file = "", [CallerMemberName] string test = "") =>
        (Skip, DisplayName) = SkipLine.For(file, test, SystemPackage.SkipReason(SystemPackage.Chromium, SystemPackage.Katex));
}
