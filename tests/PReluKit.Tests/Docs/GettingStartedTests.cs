using System.Text.RegularExpressions;
using PReluKit.Tests.Infrastructure;
using PReluKit.Tests.Packaging;

namespace PReluKit.Tests.Docs;

/// <summary>
/// docs/getting-started.md is a program: its C# blocks, in order, run as one file-based app from an empty folder and print
/// what the page says they print.
/// </summary>
public partial class GettingStartedTests
{
    [Fact]
    [Trait(TestCategory.Name, TestCategory.EndToEnd)]
    public void The_pages_code_blocks_run_as_one_app_and_do_what_the_page_says()
    {
        var page = File.ReadAllText(RepositoryRoot.Combine("docs", "getting-started.md"));
        var blocks = CSharpBlock().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 5, $"{blocks.Count} C# blocks");
        using var folder = new TempFolder();
        var app = Path.Combine(folder.Path, "getting-started-app.cs"); // its own name: the cache cleanup below takes only its folders
        // As the page advises: this platform's libtorch only.
        File.WriteAllText(app, $"#:project {RepositoryRoot.Combine("lib", "PReluKit", "PReluKit.csproj")}\n#:property RuntimeIdentifier=linux-x64\n"
                               + string.Join("\n", blocks));

        var (output, torchLibraries) = FileBasedAppCache.Cleaned("getting-started-app", () =>
        {
            var output = AwayFromTheRepository.Run(folder.Path, "dotnet", ["run", app]);
            var builds = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "dotnet", "runfile");
            var torch = Directory.GetDirectories(builds, "getting-started-app-*")
                .SelectMany(b => Directory.GetFiles(b, "*torch_cpu*", SearchOption.AllDirectories)).Select(Path.GetFileName).Distinct().ToList();
            return (output, torch);
        });
        Assert.Equal(new[] { "libtorch_cpu.so" }, torchLibraries); // no torch_cpu.dll or .dylib beside it

        // The page's "What it prints", line by line in order, with any number in place of each number it shows.
        var printed = PrintedBlock().Match(page);
        Assert.True(printed.Success, "the page has no \"What it prints\" block");
        var lines = output.Split('\n').Select(l => l.TrimEnd()).ToList();
        var at = 0;
        foreach (var expected in printed.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(expected.TrimEnd()), @"\d+", @"\d+").Replace(@"\ ", @"\s*", StringComparison.Ordinal) + "$");
            var found = lines.FindIndex(at, pattern.IsMatch);
            Assert.True(found >= 0, $"the page shows \"{expected}\"; the app printed, from there:\n{string.Join('\n', lines.Skip(at))}");
            at = found + 1;
        }

        Assert.Matches(@"\d{3},\d{3} parameters", output);
        Assert.Matches(@"epoch 2: loss \d\.\d{3}, training accuracy \d+\.\d %", output);
        Assert.Matches(@"test accuracy after 2 epochs: \d+\.\d\d %", output);
        Assert.Contains("Dead units after training", output);
        Assert.Matches(@"fc1_act: mean α 0\.\d{3}", output);
        Assert.Contains("My summary", output);
        Assert.Contains("\"Model\":\"PReLU MLP\"", File.ReadAllText(Path.Combine(folder.Path, "summary.json")), StringComparison.Ordinal);
    }

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex("## What it prints\n.*?```text\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex PrintedBlock();
}
