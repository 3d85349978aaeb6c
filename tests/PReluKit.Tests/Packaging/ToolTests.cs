using System.IO.Compression;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Packaging;

/// <summary>
/// <c>prelu</c> as a .NET tool for linux-x64: packed with only that platform's libtorch, under the public gallery's 250 MB,
/// installed from a local feed and run from an empty folder outside the repository (no PRELUKIT_DATA): a comparison, and the
/// course that travels with it rendered.
/// </summary>
public class ToolTests
{
    private const long GalleryLimitBytes = 250L * 1024 * 1024;

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void The_linux_x64_tool_installs_from_a_local_feed_and_runs_a_comparison_away_from_the_repository()
    {
        using var folder = new TempFolder();
        var feed = Path.Combine(folder.Path, "feed");
        var version = AwayFromTheRepository.TestVersion();
        AwayFromTheRepository.Run(RepositoryRoot.Path, "dotnet", ["pack", RepositoryRoot.Combine("lib", "PReluKit.Cli"), "-c", "Release", "-r", "linux-x64",
                                                                  "-o", feed, $"-p:Version={version}", "--artifacts-path", Path.Combine(folder.Path, "build")]);

        var package = new FileInfo(Path.Combine(feed, $"PReluKit.Cli.{version}.nupkg"));
        Assert.True(package.Exists, $"no {package.FullName}");
        Assert.True(package.Length <= GalleryLimitBytes, $"{package.Length / 1024.0 / 1024.0:0} MB, above the gallery's 250 MB");
        using (var zip = ZipFile.OpenRead(package.FullName))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains(names, n => n.EndsWith("/linux-x64/libtorch_cpu.so", StringComparison.Ordinal));
            Assert.DoesNotContain(names, n => n.EndsWith(".dylib", StringComparison.Ordinal) || n.EndsWith("torch_cpu.dll", StringComparison.Ordinal));
            Assert.Contains(names, n => n.EndsWith("/data/fashion-mnist-subset/train-images-idx3-ubyte.gz", StringComparison.Ordinal));
        }

        EmbeddedPdb.AssertNoBuildPaths(package.FullName, "prelu.dll");

        // Installed with a package cache of its own, so that test versions do not pile up in the user's.
        var tools = Path.Combine(folder.Path, "tools");
        AwayFromTheRepository.Run(folder.Path, "dotnet", ["tool", "install", "PReluKit.Cli", "--version", version, "--add-source", feed, "--tool-path", tools],
                                  new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(folder.Path, "nuget-cache") });
        var away = Directory.CreateDirectory(Path.Combine(folder.Path, "away")).FullName;
        var output = AwayFromTheRepository.Run(away, Path.Combine(tools, "prelu"),
                                               ["compare", "--epochs", "1", "--seeds", "1", "--activations", "relu,prelu", "--out", "out"]);

        Assert.Contains("PReLU", output);
        Assert.True(File.Exists(Path.Combine(away, "out", "report.html")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(away, "out", "runs"), "*.json").Length);

        // The course travels with the tool: notebook 03 (it reads the recorded MLP experiment) rendered from the empty
        // folder into its results/notebooks, and the export, which builds against the kit's projects, pointed at a clone.
        var rendered = AwayFromTheRepository.Run(away, Path.Combine(tools, "prelu"), ["notebooks", "render", "--profile", "quick", "--only", "03"]);
        var site = Path.Combine(away, "results", "notebooks");
        Assert.Contains("03-relu-vs-leaky-vs-prelu", rendered);
        Assert.True(File.Exists(Path.Combine(site, "index.html")), rendered);
        Assert.Contains("Recorded experiment mlp-full", File.ReadAllText(Path.Combine(site, "03-relu-vs-leaky-vs-prelu.html")), StringComparison.Ordinal);

        var refused = ChildProcess.Run(ChildProcess.StartInfo(Path.Combine(tools, "prelu"), away, ["notebooks", "export", "--script", "--out", "scripts"]),
                                       TimeSpan.FromMinutes(2));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("run this inside a clone of PReluNotebooks, or pass --from <clone>/notebooks", refused.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(away, "scripts")), "a refused export wrote its folder");
        AwayFromTheRepository.Run(away, Path.Combine(tools, "prelu"), ["notebooks", "export", "--script", "--only", "01", "--out", "scripts",
                                                                      "--from", RepositoryRoot.Combine("notebooks")]);
        Assert.Contains($"#:project {Path.GetRelativePath(Path.Combine(away, "scripts"), RepositoryRoot.Combine("lib"))}/PReluKit/PReluKit.csproj",
                        File.ReadAllText(Path.Combine(away, "scripts", "01-what-is-prelu.cs")), StringComparison.Ordinal);
    }
}
