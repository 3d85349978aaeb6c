namespace PReluKit.Tests.Infrastructure;

/// <summary>A fact that opens pages in Debian's headless Chromium; skipped, naming the package, where it is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = SystemPackage.SkipReason(SystemPackage.Chromium);
}
