using System.Text.RegularExpressions;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Packaging;

/// <summary>
/// deploy/Dockerfile without a container engine (.ci/container.sh builds and runs the image itself): its restore and publish
/// commands, run as written into a folder outside the source tree, give a layout whose entry point runs a comparison from
/// anywhere on the shipped subset; and the file keeps the rules a reviewer checks (pinned default bases, restore before the
/// sources, a non-root user, a context that leaves builds out).
/// </summary>
public partial class ContainerLayoutTests
{
    private static readonly string Dockerfile = File.ReadAllText(RepositoryRoot.Combine("deploy", "Dockerfile"));

    [Fact]
    public void The_dockerfile_pins_its_bases_restores_before_copying_the_sources_and_runs_as_a_non_root_user()
    {
        // Every base is a build argument (.ci/container.sh builds with stand-ins) whose default is a pinned image.
        var bases = BaseImageArgument().Matches(Dockerfile).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.NotEmpty(bases);
        Assert.All(bases.Values, b => Assert.Matches(@":v?\d+\.\d+\.\d+$", b));
        Assert.All(BaseImage().Matches(Dockerfile).Select(m => m.Groups[1].Value),
                   from => Assert.Contains(from, bases.Keys.Select(name => "${" + name + "}")));
        Assert.True(Dockerfile.IndexOf("RUN dotnet restore", StringComparison.Ordinal) < Dockerfile.IndexOf("COPY . .", StringComparison.Ordinal),
                    "the restore layer must come before the sources are copied");
        Assert.Matches(@"\nUSER app\n", Dockerfile);
        var ignored = File.ReadAllLines(RepositoryRoot.Combine(".dockerignore"));
        Assert.Contains("**/bin", ignored);
        Assert.Contains("**/obj", ignored);
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void The_dockerfiles_published_layout_runs_a_comparison_outside_the_source_tree()
    {
        using var folder = new TempFolder();
        var app = Path.Combine(folder.Path, "app");
        var artifacts = Path.Combine(folder.Path, "build");
        foreach (var command in new[] { "restore", "publish" })
        {
            var line = DotnetRun().Matches(Dockerfile).Select(m => m.Groups[1].Value).Single(l => l.StartsWith(command, StringComparison.Ordinal));
            string[] arguments = [.. line.Replace("-o /app", $"-o {app}", StringComparison.Ordinal).Split(' '), "--artifacts-path", artifacts];
            AwayFromTheRepository.Run(RepositoryRoot.Path, "dotnet", arguments);
        }

        var entryPoint = EntryPoint().Match(Dockerfile).Groups[1].Value.Replace("/app/", app + "/", StringComparison.Ordinal);
        Assert.True(File.Exists(entryPoint), $"the image's entry point {entryPoint} is not in the published layout");
        Assert.True(File.Exists(Path.Combine(app, "data", "fashion-mnist-subset", "train-images-idx3-ubyte.gz")), "no subset in the layout");
        var away = Directory.CreateDirectory(Path.Combine(folder.Path, "away")).FullName;
        var output = AwayFromTheRepository.Run(away, entryPoint, ["compare", "--epochs", "1", "--seeds", "1", "--activations", "relu,leaky", "--out", "out"]);
        Assert.Contains("Leaky ReLU", output);
        Assert.True(File.Exists(Path.Combine(away, "out", "report.html")));
    }

    [GeneratedRegex(@"^FROM (\S+)", RegexOptions.Multiline)]
    private static partial Regex BaseImage();

    [GeneratedRegex(@"^ARG (\w+_IMAGE)=(\S+)$", RegexOptions.Multiline)]
    private static partial Regex BaseImageArgument();

    [GeneratedRegex(@"^RUN dotnet ((?:restore|publish) .+)$", RegexOptions.Multiline)]
    private static partial Regex DotnetRun();

    [GeneratedRegex(@"^ENTRYPOINT \[""([^""]+)""\]", RegexOptions.Multiline)]
    private static partial Regex EntryPoint();
}
