using System.IO.Compression;
using System.Reflection.PortableExecutable;

namespace PReluKit.Tests.Packaging;

/// <summary>The source paths a packed assembly's embedded PDB records: what a debugger or a stack trace shows a user.</summary>
internal static class EmbeddedPdb
{
    /// <summary>The document paths of the embedded PDB of the entry <paramref name="entryName"/> (ending with it) in <paramref name="package"/>.</summary>
    public static IReadOnlyList<string> DocumentPaths(string package, string entryName)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith("/" + entryName, StringComparison.Ordinal));
        using var copy = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        using var pe = new PEReader(copy);
        var embedded = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        var pdb = provider.GetMetadataReader();
        return [.. pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name))];
    }

    /// <summary>Asserts that no recorded path is the build machine's: every one lies under the deterministic root /_/.</summary>
    public static void AssertNoBuildPaths(string package, string entryName)
    {
        var paths = DocumentPaths(package, entryName);
        Assert.NotEmpty(paths);
        // Generated files (obj/…AssemblyInfo.cs) are under the same root; the SDK's own lie under /_/ as well or are relative.
        Assert.All(paths, p => Assert.False(Path.IsPathRooted(p) && !p.StartsWith("/_/", StringComparison.Ordinal),
                                            $"{entryName} in {Path.GetFileName(package)} records the build path {p}"));
    }
}
