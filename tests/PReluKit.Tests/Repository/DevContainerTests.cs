using System.Text.Json;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Repository;

/// <summary>
/// The dev container's intent, read from its files: notebooks through Jupyter with the .NET Interactive kernel of the tool
/// manifest, not the deprecated Polyglot extension. Its setup itself runs in CI: .ci/container.sh executes post-create.sh in
/// a stand-in for the image and then notebook 01 through Jupyter there.
/// </summary>
public class DevContainerTests
{
    private const string PolyglotExtension = "ms-dotnettools.dotnet-interactive-vscode";

    private static string Text() => File.ReadAllText(RepositoryRoot.Combine(".devcontainer", "devcontainer.json"));

    private static JsonElement Load()
    {
        using var document = JsonDocument.Parse(Text(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.Clone();
    }

    private static IEnumerable<string?> Extensions() =>
        Load().GetProperty("customizations").GetProperty("vscode").GetProperty("extensions").EnumerateArray().Select(e => e.GetString());

    private static string PostCreateScript() => File.ReadAllText(RepositoryRoot.Combine(".devcontainer", "post-create.sh"));

    [Fact]
    public void Uses_the_Ubuntu_24_04_dotnet_10_image()
    {
        Assert.Equal("mcr.microsoft.com/devcontainers/dotnet:2-10.0-noble", Load().GetProperty("image").GetString());
    }

    [Theory]
    [InlineData("ms-toolsai.jupyter")]
    [InlineData("ms-dotnettools.csdevkit")]
    public void Installs_the_Jupyter_and_csharp_extensions(string extension)
    {
        Assert.Contains(extension, Extensions());
    }

    [Fact]
    public void Leaves_the_deprecated_Polyglot_extension_optional_and_says_so()
    {
        Assert.DoesNotContain(PolyglotExtension, Extensions());
        var text = Text();
        Assert.Contains(PolyglotExtension, text, StringComparison.Ordinal); // named in the comment, for those who want it
        Assert.Contains("deprecated by Microsoft on 27 March 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Post_create_runs_the_script_that_CI_runs()
    {
        Assert.Equal("bash .devcontainer/post-create.sh", Load().GetProperty("postCreateCommand").GetString());
        Assert.Contains(".devcontainer/post-create.sh", File.ReadAllText(RepositoryRoot.Combine(".ci", "devcontainer-check.sh")), StringComparison.Ordinal);
        Assert.Contains(".ci/devcontainer-check.sh", File.ReadAllText(RepositoryRoot.Combine(".ci", "container.sh")), StringComparison.Ordinal);
        Assert.Contains(".ci/container.sh", File.ReadAllText(RepositoryRoot.Combine(".ci", "run")), StringComparison.Ordinal);
    }

    [Fact]
    public void Post_create_installs_KaTeX_and_Jupyter_builds_the_notebooks_kit_and_registers_the_kernel_of_the_tool_manifest()
    {
        var script = PostCreateScript();
        Assert.Contains("libjs-katex", script); // rendered pages typeset their formulas offline with it
        Assert.Contains("jupyter-client python3-nbconvert", script);
        Assert.Contains("dotnet build lib/PReluKit.Notebooks", script); // the DLLs the notebooks reference
        Assert.True(File.Exists(RepositoryRoot.Combine("lib", "PReluKit.Notebooks", "PReluKit.Notebooks.csproj")));
        Assert.Contains("dotnet tool restore", script);
        Assert.Contains("dotnet tool run dotnet-interactive jupyter install", script);
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine(".config", "dotnet-tools.json")));
        var tool = manifest.RootElement.GetProperty("tools").GetProperty("microsoft.dotnet-interactive");
        Assert.Contains("dotnet-interactive", tool.GetProperty("commands").EnumerateArray().Select(c => c.GetString()));
    }
}
