using System.Text.RegularExpressions;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Deploy;

/// <summary>
/// The container image is tagged with the kit's version (VersionPrefix in lib/Directory.Build.props) wherever the repository
/// names it — the Kubernetes manifests, the Dockerfile's usage lines, the README — so a manifest never runs an older image.
/// </summary>
public partial class ImageVersionTests
{
    [Fact]
    public void Every_file_that_names_the_image_tags_it_with_the_kits_version()
    {
        var files = Directory.GetFiles(RepositoryRoot.Combine("deploy", "k8s"), "*.yaml")
            .Append(RepositoryRoot.Combine("deploy", "Dockerfile"))
            .Append(RepositoryRoot.Combine("README.md"))
            .Concat(Directory.GetFiles(RepositoryRoot.Combine("docs"), "*.md"));
        var tags = files.SelectMany(f => ImageTag().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Tag: m.Groups[1].Value))).ToList();

        Assert.Contains(tags, t => t.File == "compare-shards.yaml");
        Assert.Contains(tags, t => t.File == "merge.yaml");
        Assert.Contains(tags, t => t.File == "Dockerfile");
        Assert.All(tags, t => Assert.True(t.Tag == KitVersion.Prefix, $"{t.File}: image prelukit:{t.Tag}, expected prelukit:{KitVersion.Prefix}"));
    }

    [GeneratedRegex(@"prelukit:([^\s`'""]+)")]
    private static partial Regex ImageTag();
}
