using System.Xml.Linq;

namespace PReluKit.Tests.Infrastructure;

/// <summary>The kit's version as the repository states it once: <c>VersionPrefix</c> in lib/Directory.Build.props.</summary>
internal static class KitVersion
{
    public static string Prefix { get; } =
        XDocument.Load(RepositoryRoot.Combine("lib", "Directory.Build.props")).Descendants("VersionPrefix").Single().Value.Trim();
}
