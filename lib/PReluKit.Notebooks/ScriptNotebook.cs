using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using PReluKit.Data;

namespace PReluKit.Notebooks;

/// <summary>
/// A notebook running as a .NET 10 file-based app (<c>prelu notebooks export --script</c>): the generated code calls
/// <see cref="Cell"/> before each code cell, <c>display(…)</c> lands in <see cref="Display"/>, console output is kept
/// per cell, and <see cref="WritePage"/> writes the same page as <c>prelu notebooks render</c> (<see cref="NotebookPage"/>).
/// </summary>
public sealed class ScriptNotebook
{
    private readonly JsonNode _notebook;
    private readonly List<JsonNode> _codeCells;
    private readonly string _page;
    private readonly StringWriter _console = new();
    private readonly TextWriter _realConsole;
    private JsonArray? _outputs;

    private ScriptNotebook(string name, JsonNode notebook, string page)
    {
        Name = name;
        _notebook = notebook;
        _page = page;
        _codeCells = [.. NotebookCells.All(notebook).Where(NotebookCells.IsCode)];
        _realConsole = Console.Out;
    }

    /// <summary>The notebook running in this process, if any: kit helpers (progress lines) display through it.</summary>
    public static ScriptNotebook? Current { get; private set; }

    /// <summary>The notebook's name (its file name without <c>.ipynb</c>).</summary>
    public string Name { get; }

    /// <summary>
    /// Starts the notebook <paramref name="name"/> whose cells are <paramref name="notebookJson"/>, writing its page to the
    /// path in <paramref name="args"/>; the profile and runs folder come from the environment, as in VS Code, except that runs
    /// go under the working folder (<c>results/</c>) unless <see cref="RunProfile.ResultsVariable"/> says where.
    /// </summary>
    /// <param name="name">The notebook's file name without <c>.ipynb</c>.</param>
    /// <param name="notebookJson">The notebook, embedded in the script.</param>
    /// <param name="args">The script's arguments: the page to write.</param>
    /// <param name="repositoryData">
    /// The repository's data/ folder relative to the script's own folder: unless <see cref="RepositoryData.EnvironmentVariable"/>
    /// is set, the recorded experiments are read there, as the notebook reads them beside the repository, wherever the
    /// script is run from (a file-based app runs from the SDK's cache, whose data/ holds the subset only).
    /// </param>
    /// <returns>
    /// The running notebook; null when the arguments or the environment are refused (no page, a page whose folder is missing, an
    /// unknown profile), after one line on standard error: the script then exits with <see cref="Scripts.ScriptArguments.UsageError"/>.
    /// </returns>
    public static ScriptNotebook? Start(string name, string notebookJson, string[] args, string? repositoryData = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (StartProblem(name, args) is { } problem)
        {
            Scripts.ScriptArguments.Refuse($"error: {problem}", Scripts.ScriptArguments.UsageError);
            return null;
        }

        if (repositoryData is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RepositoryData.EnvironmentVariable))
            && AppContext.GetData("EntryPointFileDirectoryPath") is string scriptFolder
            && Path.GetFullPath(Path.Combine(scriptFolder, repositoryData)) is var data && Directory.Exists(data))
        {
            Environment.SetEnvironmentVariable(RepositoryData.EnvironmentVariable, data);
        }

        // The notebook's default (../results) is beside the notebooks folder; a script writes under the folder it runs in.
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(RunProfile.ResultsVariable)))
        {
            Environment.SetEnvironmentVariable(RunProfile.ResultsVariable, Path.GetFullPath("results"));
        }

        var notebook = JsonNode.Parse(notebookJson) ?? throw new ArgumentException("the embedded notebook is empty", nameof(notebookJson));
        Current = new ScriptNotebook(name, notebook, Path.GetFullPath(args[0]));
        Console.SetOut(Current._console); // a cell's console output belongs under that cell, as in the notebook
        return Current;
    }

    /// <summary>What is wrong with the page argument or the profile the environment picks, or null.</summary>
    private static string? StartProblem(string name, string[] args)
    {
        if (args.Length != 1 || string.IsNullOrWhiteSpace(args[0]))
        {
            return $"PAGE: give the one page to write; usage: dotnet run {name.ReplaceLineEndings(" ")}.cs -- PAGE.html (its folder must exist).";
        }

        var page = Path.GetFullPath(args[0]);
        if (Directory.Exists(page))
        {
            return $"PAGE: '{args[0]}' is a folder; give the HTML file to write in it.";
        }

        if (!Directory.Exists(Path.GetDirectoryName(page)))
        {
            return $"PAGE: the folder of '{args[0]}' does not exist ({Path.GetDirectoryName(page)}).";
        }

        try
        {
            _ = RunProfile.FromEnvironment();
            return null;
        }
        catch (ArgumentException e)
        {
            return ArgumentMessages.Of(e);
        }
    }

    /// <summary>Starts code cell <paramref name="index"/> (0-based among code cells): what follows is its output.</summary>
    public void Cell(int index)
    {
        FlushConsole();
        _outputs = [];
        _codeCells[index]["outputs"] = _outputs;
        _codeCells[index]["execution_count"] = index + 1;
        _realConsole.WriteLine($"{Name}: cell {index + 1} of {_codeCells.Count}");
    }

    /// <summary>Shows <paramref name="value"/> under the current cell; the returned handle replaces it in place.</summary>
    public ScriptDisplay Display(object? value)
    {
        FlushConsole();
        var outputs = _outputs ?? throw new InvalidOperationException("display before the first cell");
        var display = new ScriptDisplay(outputs, outputs.Count);
        outputs.Add(Output(value));
        return display;
    }

    /// <summary>Writes the page (markdown, code, every output) and the executed notebook beside it.</summary>
    public void WritePage()
    {
        FlushConsole();
        Console.SetOut(_realConsole);
        IO.AtomicFile.WriteAllText(Path.ChangeExtension(_page, ".ipynb"), _notebook.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        NotebookPage.Build(_notebook, Name).Write(_page);
        Console.WriteLine($"{Name}: wrote {_page}");
    }

    /// <summary>The nbformat output for <paramref name="value"/>: HTML where the formatters give HTML, else text.</summary>
    internal static JsonObject Output(object? value)
    {
        // Text for text and numbers, as the kernel shows them; the kit's formatters (charts, tables, progress) give HTML.
        var mime = value is null or string || value.GetType().IsPrimitive ? PlainTextFormatter.MimeType
            : Formatter.GetPreferredMimeTypesFor(value.GetType()).FirstOrDefault() ?? HtmlFormatter.MimeType;
        return new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = new JsonObject { [mime] = value is null ? "<null>" : value.ToDisplayString(mime) },
            ["metadata"] = new JsonObject(),
        };
    }

    private void FlushConsole()
    {
        var text = _console.ToString();
        _console.GetStringBuilder().Clear();
        if (text.Length > 0 && _outputs is not null)
        {
            _outputs.Add(new JsonObject { ["output_type"] = "stream", ["name"] = "stdout", ["text"] = text });
        }
    }
}
