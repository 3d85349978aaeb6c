using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Cli;

/// <summary><c>prelu --version</c> says which kit is installed: the version the repository states, and the commit.</summary>
public class VersionOptionTests
{
    [Fact]
    public void Version_prints_the_kits_version_and_succeeds()
    {
        var (exitCode, output, error) = PreluCli.Run(RepositoryRoot.Path, "--version");

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.StartsWith(KitVersion.Prefix, output.Trim(), StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
    }
}
