namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// A fact that opens pages in headless Chromium. Outside CI it is skipped, saying why, when Debian's chromium is
/// not installed; in CI (CI=true) it always runs, since .ci/run installs it.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!HeadlessChromium.IsInstalled && Environment.GetEnvironmentVariable("CI") is not ("true" or "1"))
        {
            Skip = $"Chromium is not installed at {HeadlessChromium.Executable} (sudo apt-get install chromium).";
        }
    }
}
