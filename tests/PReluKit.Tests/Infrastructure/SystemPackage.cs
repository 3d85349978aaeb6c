namespace PReluKit.Tests.Infrastructure;

/// <summary>
/// A Debian package some tests need. Where it is missing those tests skip with one line naming it; <c>.ci/run</c> installs
/// every one and fails on any skip, so CI still runs them all.
/// </summary>
/// <param name="Name">The Debian package.</param>
/// <param name="Purpose">What the tests use it for.</param>
/// <param name="IsInstalled">Whether it (or an equivalent the kit accepts) is there.</param>
internal sealed record SystemPackage(string Name, string Purpose, Func<bool> IsInstalled)
{
    public static SystemPackage Chromium { get; } = new("chromium", "to open pages headless", () => HeadlessChromium.IsInstalled);

    public static SystemPackage Katex { get; } = new("libjs-katex", "to typeset formulas offline",
                                                     () => PReluKit.Reports.MathTypesetting.IsAvailable);

    public static SystemPackage FashionMnist { get; } = new("dataset-fashion-mnist", "for the full Fashion-MNIST set",
                                                            () => FullDatasetFactAttribute.FullSetAvailable);

    /// <summary>Null when every one of <paramref name="packages"/> is installed, else the skip line naming the missing ones.</summary>
    public static string? SkipReason(params SystemPackage[] packages)
    {
        var missing = packages.Where(p => !p.IsInstalled()).ToList();
        return missing.Count == 0
            ? null
            : $"needs Debian's {string.Join(" and ", missing.Select(p => $"{p.Name} ({p.Purpose})"))}: " +
              $"sudo apt-get install {string.Join(' ', missing.Select(p => p.Name))}; .ci/run installs every one and fails on any skip";
    }
}
