using System.Xml.Linq;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Repository;

/// <summary>The kit's pinned versions live once, in Directory.Packages.props; no project overrides them.</summary>
public class PinnedVersionsTests
{
    internal static IReadOnlyDictionary<string, string> Pinned { get; } =
        XDocument.Load(RepositoryRoot.Combine("Directory.Packages.props"))
            .Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);

    [Theory]
    [InlineData("TorchSharp-cpu", "0.107.0")]
    [InlineData("Plotly.NET", "6.0.0")]
    [InlineData("Plotly.NET.CSharp", "0.14.0")]
    [InlineData("Microsoft.Data.Analysis", "0.23.1")]
    [InlineData("Microsoft.DotNet.Interactive", "1.0.0-beta.26120.1")]
    public void Central_package_management_pins_the_kits_versions(string package, string version)
    {
        Assert.Equal(version, Pinned[package]);
    }

    [Fact]
    public void No_project_sets_its_own_package_version()
    {
        var projects = Directory.EnumerateFiles(RepositoryRoot.Path, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var project in projects)
        {
            var withVersion = XDocument.Load(project).Descendants("PackageReference").Where(r => r.Attribute("Version") is not null);
            Assert.True(!withVersion.Any(), $"{project} sets a package version; pin it in Directory.Packages.props instead.");
        }
    }
}
