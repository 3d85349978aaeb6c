using System.Text.Json;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Repository;

/// <summary>Docker cannot run here, so the dev container definition is validated as a file.</summary>
public class DevContainerTests
{
    private static JsonElement Load()
    {
        var text = File.ReadAllText(RepositoryRoot.Combine(".devcontainer", "devcontainer.json"));
        using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.Clone();
    }

    [Fact]
    public void Uses_the_Ubuntu_24_04_dotnet_10_image()
    {
        Assert.Equal("mcr.microsoft.com/devcontainers/dotnet:2-10.0-noble", Load().GetProperty("image").GetString());
    }

    [Theory]
    [InlineData("ms-dotnettools.dotnet-interactive-vscode")]
    [InlineData("ms-toolsai.jupyter")]
    [InlineData("ms-dotnettools.csdevkit")]
    public void Installs_the_notebook_and_csharp_extensions(string extension)
    {
        var extensions = Load().GetProperty("customizations").GetProperty("vscode").GetProperty("extensions")
            .EnumerateArray().Select(e => e.GetString());
        Assert.Contains(extension, extensions);
    }

    [Fact]
    public void Post_create_installs_KaTeX_and_builds_the_solution()
    {
        var command = Load().GetProperty("postCreateCommand").GetString();
        Assert.Contains("libjs-katex", command); // rendered pages typeset their formulas offline with it
        Assert.DoesNotContain("dotnet tool restore", command); // notebooks run in the kit's own kernel host: no tool to restore
        Assert.Contains("dotnet build PReluNotebooks.sln", command);
        Assert.True(File.Exists(RepositoryRoot.Combine("PReluNotebooks.sln")));
    }
}
