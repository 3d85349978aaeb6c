using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Packaging;

/// <summary>
/// PReluKit as a user gets it: packed into a local feed, restored into a file-based app in an empty folder outside the
/// repository (no PRELUKIT_DATA), where it finds the subset the package carries, trains, prints a dead-unit table and writes
/// a report.
/// </summary>
public class PackageTests
{
    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void A_file_based_app_restores_the_package_from_a_local_feed_and_trains_away_from_the_repository()
    {
        using var folder = new TempFolder();
        var feed = Path.Combine(folder.Path, "feed");
        var app = Directory.CreateDirectory(Path.Combine(folder.Path, "app")).FullName;
        var version = AwayFromTheRepository.TestVersion();
        AwayFromTheRepository.Run(RepositoryRoot.Path, "dotnet", ["pack", RepositoryRoot.Combine("lib", "PReluKit"), "-c", "Release", "-o", feed,
                                                                  $"-p:Version={version}", "--artifacts-path", Path.Combine(folder.Path, "build")]);
        var package = Path.Combine(feed, $"PReluKit.{version}.nupkg");
        Assert.True(File.Exists(package), $"no {package}");
        EmbeddedPdb.AssertNoBuildPaths(package, "PReluKit.dll");

        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "app.cs"), $$"""
            #:package PReluKit@{{version}}
            using PReluKit.Data;
            using PReluKit.Metrics;
            using PReluKit.Models;
            using PReluKit.Native;
            using PReluKit.Reports;
            using PReluKit.Training;

            TorchNative.EnsureLoaded();
            Console.WriteLine($"data: {RepositoryData.Find()}");
            var config = TrainingConfig.For(ModelKind.Mlp) with { Epochs = 1 };
            var data = FashionMnist.LoadSubset();
            using var train = data.TrainTensors(config.InputLayout);
            using var test = data.TestTensors(config.InputLayout);
            using var trained = Trainer.Train(config, 0, train, test);
            var dead = DeadNeuronReport.Measure(trained.Model, train);
            Console.WriteLine(DeadNeuronTable.Of("Dead units after one epoch", dead.Layers));
            DeadNeuronPage.Build("ReLU MLP", dead, dead, 1).Write("report.html");
            """);

        // The app's data folder lies in its build cache, which the cleanup removes: look at it before.
        var (output, data, subsetThere) = FileBasedAppCache.Cleaned("app", () =>
        {
            var output = AwayFromTheRepository.Run(app, "dotnet", ["run", "app.cs"]);
            var data = output.Split('\n').Single(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..].Trim();
            return (output, data, File.Exists(Path.Combine(data, "fashion-mnist-subset", "train-images-idx3-ubyte.gz")));
        });

        Assert.False(data.StartsWith(RepositoryRoot.Path, StringComparison.Ordinal), $"the app found the repository's data: {data}");
        Assert.True(subsetThere, data);
        Assert.Contains("Dead units after one epoch", output);
        Assert.Contains("fc1_act", output);
        Assert.True(new FileInfo(Path.Combine(app, "report.html")).Length > 10_000, "report.html missing or empty");
    }

    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void PReluKit_Notebooks_packs_as_a_prerelease_while_it_depends_on_prerelease_packages()
    {
        using var folder = new TempFolder();
        var feed = Path.Combine(folder.Path, "feed");
        AwayFromTheRepository.Run(RepositoryRoot.Path, "dotnet", ["pack", RepositoryRoot.Combine("lib", "PReluKit.Notebooks"), "-c", "Release", "-o", feed,
                                                                  "--artifacts-path", Path.Combine(folder.Path, "build")]);

        var package = Assert.Single(Directory.GetFiles(feed, "*.nupkg"));
        Assert.Equal($"PReluKit.Notebooks.{KitVersion.Prefix}-preview.nupkg", Path.GetFileName(package));
        EmbeddedPdb.AssertNoBuildPaths(package, "PReluKit.Notebooks.dll");
    }
}
