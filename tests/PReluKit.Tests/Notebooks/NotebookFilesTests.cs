using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PReluKit.Tests.Infrastructure;
using PReluKit.Tests.Repository;

namespace PReluKit.Tests.Notebooks;

/// <summary>The committed notebooks: clean, on the .NET kernel, one setup cell with the pinned versions.</summary>
public partial class NotebookFilesTests
{
    public static TheoryData<string> Notebooks() => new(NotebookFiles.Names);

    [Fact]
    public void There_are_five_numbered_notebooks()
    {
        Assert.Equal(["01-what-is-prelu", "02-dying-relu", "03-relu-vs-leaky-vs-prelu", "04-channelwise-prelu-cnn", "05-cost-of-prelu"], NotebookFiles.Names);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Committed_without_outputs_and_on_the_dotnet_kernel(string name)
    {
        var notebook = NotebookFiles.Load(name);
        Assert.StartsWith(".net-", (string?)notebook["metadata"]?["kernelspec"]?["name"]);
        Assert.Equal("csharp", (string?)notebook["metadata"]?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]);
        foreach (var cell in NotebookFiles.Cells(notebook).Where(c => (string?)c["cell_type"] == "code"))
        {
            Assert.Empty(cell["outputs"]!.AsArray());
            Assert.Null((int?)cell["execution_count"]);
            Assert.Equal("csharp", (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"]);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void One_setup_cell_pins_the_versions_of_Directory_Packages_props(string name)
    {
        var cells = NotebookFiles.Cells(NotebookFiles.Load(name)).ToList();
        var code = cells.Where(c => (string?)c["cell_type"] == "code").Select(NotebookFiles.Source).ToList();
        var setup = Assert.Single(code, c => c.Contains("KitSetup.Initialize()", StringComparison.Ordinal));
        Assert.Same(setup, code[0]);
        var pins = NuGetReference().Matches(setup).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(6, pins.Count);
        Assert.All(pins, pin => Assert.Equal(PinnedVersionsTests.Pinned[pin.Key], pin.Value));
        Assert.Contains("#r \"../lib/PReluKit.Notebooks/bin/Debug/net10.0/PReluKit.dll\"", setup, StringComparison.Ordinal);
        Assert.DoesNotContain(code.Skip(1), c => c.Contains("#r ", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Markdown_explains_before_code_and_the_end_links_on(string name)
    {
        var cells = NotebookFiles.Cells(NotebookFiles.Load(name)).ToList();
        Assert.Equal("markdown", (string?)cells[0]["cell_type"]);
        for (var i = 1; i < cells.Count; i++)
        {
            if ((string?)cells[i]["cell_type"] == "code" && (string?)cells[i - 1]["cell_type"] == "code")
            {
                // Consecutive code cells are allowed only when the first one's output is what the markdown above both introduced.
                Assert.True(i >= 2 && (string?)cells[i - 2]["cell_type"] == "markdown", $"{name}: code cell {i} follows code cell {i - 1} without an explanation");
            }
        }

        Assert.Contains(cells.Select(NotebookFiles.Source), s => s.StartsWith("## What we found", StringComparison.Ordinal));
        Assert.Matches(@"\]\(0\d-[a-z-]+\.ipynb\)", NotebookFiles.Source(cells[^1]));
    }

    [GeneratedRegex("#r \"nuget: ([^,]+), ([^\"]+)\"")]
    private static partial Regex NuGetReference();
}

internal static class NotebookFiles
{
    public static IReadOnlyList<string> Names =>
        [.. Directory.GetFiles(RepositoryRoot.Combine("notebooks"), "*.ipynb").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    public static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("notebooks", name + ".ipynb")))!;

    public static IEnumerable<JsonNode> Cells(JsonNode notebook) => notebook["cells"]!.AsArray().OfType<JsonNode>();

    public static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        var single => (string?)single ?? "",
    };
}
