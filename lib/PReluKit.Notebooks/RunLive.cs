using System.Net;

namespace PReluKit.Notebooks;

/// <summary>
/// What each notebook page says about running it live today: its notebook (the executed copy beside the page, and the
/// source in the repository), Jupyter with the dotnet-interactive kernel from the repository's tool manifest, VS Code's
/// Polyglot Notebooks (deprecated) and the exported file-based app.
/// </summary>
public static class RunLive
{
    /// <summary>The NuGet tool whose kernel runs the notebooks in Jupyter (and inside Polyglot Notebooks).</summary>
    public const string KernelTool = "Microsoft.dotnet-interactive";

    /// <summary>The kernel's name as Jupyter lists it.</summary>
    public const string KernelName = ".NET (C#)";

    /// <summary>The day Microsoft deprecated Polyglot Notebooks.</summary>
    public const string PolyglotDeprecated = "27 March 2026";

    /// <summary>The box under a notebook page's title: its notebook and the ways to run it live.</summary>
    public static string Html(string notebookName)
    {
        ArgumentNullException.ThrowIfNull(notebookName);
        var file = Encode(notebookName + ".ipynb");
        var href = Uri.EscapeDataString(notebookName) + ".ipynb";
        return $"""
            <aside class="run-live" aria-label="Run this notebook live">
            <p><strong>Run it live.</strong> The notebook: <a href="{href}" download>{file}</a> (as executed for this page) or
            <code>notebooks/{file}</code> in the repository, where it must run (its setup cell loads the kit from <code>../lib</code>).
            In Jupyter: <code>dotnet tool restore</code> and <code>dotnet tool run dotnet-interactive jupyter install</code> in the
            repository (the <code>{KernelTool}</code> tool from NuGet), then open it with the kernel “{Encode(KernelName)}”.</p>
            <p>VS Code's Polyglot Notebooks extension runs the same kernel, but Microsoft deprecated it on {PolyglotDeprecated}.
            Without a notebook: <code>prelu notebooks export --script</code>, then
            <code>dotnet run results/notebook-scripts/{Encode(notebookName)}.cs -- page.html</code> (it writes this page).
            The profile comes from <code>PRELUKIT_PROFILE</code> in the environment that starts Jupyter or VS Code
            (e.g. <code>PRELUKIT_PROFILE=quick jupyter lab</code>).</p>
            </aside>
            """;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
