using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Notebooks;

/// <summary><c>prelu notebooks render</c>: executed notebook and an offline page that renders in a real browser.</summary>
public class NotebookRenderTests
{
    [NotebookTheory]
    [InlineData("01-what-is-prelu", 4)]
    public async Task A_rendered_notebook_page_opens_offline_with_every_chart(string name, int charts)
    {
        using var folder = new TempFolder();
        var (code, output, error) = PreluCli.Run(RepositoryRoot.Path, "notebooks", "render", "--profile", "quick", "--only", name, "--out", folder.Path);
        Assert.True(code == 0, $"exit {code}: {output} {error}");
        Assert.True(File.Exists(folder.Combine(name + ".ipynb")));
        var html = File.ReadAllText(folder.Combine(name + ".html"));
        Assert.Contains("What is Parametric ReLU?", html, StringComparison.Ordinal);
        Assert.Contains("<h2", html, StringComparison.Ordinal); // markdown became HTML
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        if (HeadlessChromium.IsInstalled || Environment.GetEnvironmentVariable("CI") is "true" or "1")
        {
            await ReportAssertions.RendersOfflineAsync(folder.Combine(name + ".html"), charts, $"notebook-{name}.png");
        }
    }
}
