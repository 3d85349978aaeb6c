using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace PReluKit.Notebooks;

/// <summary>
/// Executes a notebook's C# cells in order in an in-process .NET Interactive C# kernel — the kernel Polyglot Notebooks
/// runs, with <c>#r "nuget: …"</c> and <c>#r "path.dll"</c> honoured — and writes the executed notebook: every display
/// (updated in place, as VS Code shows it), return value, standard output and error under its cell.
/// </summary>
/// <remarks>
/// Relative paths resolve against the notebook's folder (the working folder while it runs), as in VS Code. Environment
/// variables given to <see cref="RunAsync"/> are set for the run and restored after it: one notebook at a time per process.
/// </remarks>
public static class NotebookRunner
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>
    /// Runs <paramref name="notebookPath"/> and writes the executed notebook to <paramref name="outputPath"/>. Execution stops
    /// at the first cell that fails, as in Jupyter: later cells depend on it, and their errors would only bury the first.
    /// </summary>
    public static async Task<NotebookRunResult> RunAsync(string notebookPath, string outputPath, IReadOnlyDictionary<string, string?> environment,
                                           CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var notebook = Load(notebookPath);
        await OneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        var folder = Environment.CurrentDirectory;
        var saved = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
            foreach (var (name, value) in environment)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            using var kernel = CreateKernel();
            var cells = notebook["cells"]!.AsArray().OfType<JsonNode>().Where(c => c["cell_type"]?.GetValue<string>() == "code").ToList();
            var run = new NotebookRunResult(cells.Count, 0, null, null);
            foreach (var cell in cells)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var result = await kernel.SendAsync(new SubmitCode(Source(cell)), cancellationToken).ConfigureAwait(false);
                var count = run.CellsRun + 1;
                cell["outputs"] = Outputs(result.Events, count, out var error);
                cell["execution_count"] = count;
                run = run with { CellsRun = count };
                if (error is not null)
                {
                    run = run with { FailedCell = count, Error = error.Split('\n')[0].Trim() };
                    break;
                }
            }

            IO.AtomicFile.WriteAllText(outputPath, notebook.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
            return run;
        }
        finally
        {
            Environment.CurrentDirectory = folder;
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            OneAtATime.Release();
        }
    }

    /// <summary>A C# kernel as Polyglot Notebooks configures it: NuGet references, kernel helpers (<c>display</c>), value sharing.</summary>
    private static CompositeKernel CreateKernel()
    {
        var csharp = new CSharpKernel()
            .UseNugetDirective((k, packages) =>
            {
                k.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            }, forceRestore: false)
            .UseKernelHelpers()
            .UseValueSharing();
        return new CompositeKernel { csharp }.Also(k => k.DefaultKernelName = "csharp");
    }

    private static CompositeKernel Also(this CompositeKernel kernel, Action<CompositeKernel> configure)
    {
        configure(kernel);
        return kernel;
    }

    /// <summary>The cell's outputs in nbformat 4, displays updated in place.</summary>
    private static JsonArray Outputs(IReadOnlyList<KernelEvent> events, int executionCount, out string? error)
    {
        var outputs = new List<JsonNode>();
        var byValueId = new Dictionary<string, int>(StringComparer.Ordinal);
        var unpaired = new List<int>();
        error = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case DisplayedValueUpdated updated when updated.ValueId is { } id:
                    var update = Display("display_data", updated.FormattedValues, null);
                    if (!byValueId.TryGetValue(id, out var at))
                    {
                        // The kernel publishes a display's updates under another id than the display itself: pair the new id
                        // with the latest display of the same MIME types not yet paired; with none left, the update is a new output.
                        var pair = unpaired.FindLastIndex(i => SameTypes(outputs[i], update));
                        at = pair >= 0 ? unpaired[pair] : outputs.Count;
                        if (pair >= 0)
                        {
                            unpaired.RemoveAt(pair);
                        }
                        else
                        {
                            outputs.Add(update);
                        }

                        byValueId[id] = at;
                    }

                    outputs[at] = update;
                    break;
                case ReturnValueProduced value:
                    outputs.Add(Display("execute_result", value.FormattedValues, executionCount));
                    break;
                case DisplayedValueProduced shown:
                    if (shown.ValueId is { } valueId)
                    {
                        byValueId[valueId] = outputs.Count;
                        unpaired.Add(outputs.Count);
                    }

                    outputs.Add(Display("display_data", shown.FormattedValues, null));
                    break;
                case StandardOutputValueProduced stdout:
                    outputs.Add(Stream("stdout", stdout.FormattedValues));
                    break;
                case StandardErrorValueProduced stderr:
                    outputs.Add(Stream("stderr", stderr.FormattedValues));
                    break;
                case ErrorProduced produced:
                    outputs.Add(Error(produced.Message));
                    error ??= produced.Message;
                    break;
                case CommandFailed commandFailed:
                    outputs.Add(Error(commandFailed.Message));
                    error ??= commandFailed.Message;
                    break;
            }
        }

        return [.. outputs];
    }

    private static bool SameTypes(JsonNode output, JsonObject update) =>
        output["data"] is JsonObject data && update["data"] is JsonObject updated
        && data.Select(d => d.Key).Order(StringComparer.Ordinal).SequenceEqual(updated.Select(u => u.Key).Order(StringComparer.Ordinal));

    private static JsonObject Display(string type, IReadOnlyCollection<FormattedValue> values, int? executionCount)
    {
        var data = new JsonObject();
        foreach (var value in values)
        {
            data[value.MimeType] = value.Value;
        }

        var output = new JsonObject { ["output_type"] = type, ["data"] = data, ["metadata"] = new JsonObject() };
        if (executionCount is { } count)
        {
            output["execution_count"] = count;
        }

        return output;
    }

    private static JsonObject Stream(string name, IReadOnlyCollection<FormattedValue> values) => new()
    {
        ["output_type"] = "stream",
        ["name"] = name,
        ["text"] = string.Concat(values.Select(v => v.Value)),
    };

    private static JsonObject Error(string message) => new()
    {
        ["output_type"] = "error",
        ["ename"] = "Error",
        ["evalue"] = message,
        ["traceback"] = new JsonArray(),
    };

    /// <summary>
    /// The notebook in <paramref name="path"/>, checked for what running it needs — an object whose <c>cells</c> are objects
    /// with a string <c>cell_type</c> and a string or list-of-strings <c>source</c> — so a truncated or empty file is
    /// refused naming it, instead of failing deep inside the run.
    /// </summary>
    /// <exception cref="InvalidDataException">It is not such a notebook; the message names <paramref name="path"/>.</exception>
    public static JsonNode Load(string path)
    {
        var text = File.ReadAllText(path);
        JsonNode? notebook;
        try
        {
            notebook = JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not a Jupyter notebook: {(text.Length == 0 ? "the file is empty" : e.Message)}", e);
        }

        static bool IsText(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out _);
        static bool IsSource(JsonNode? node) => IsText(node) || (node is JsonArray lines && lines.All(IsText));
        string? problem = null;
        if (notebook is not JsonObject)
        {
            problem = "expected a JSON object";
        }
        else if (notebook["cells"] is not JsonArray cells)
        {
            problem = "it has no \"cells\" list";
        }
        else if (cells.Select((cell, i) => (cell, Number: i + 1)).FirstOrDefault(c => c.cell is not JsonObject || !IsText(c.cell["cell_type"]) || !IsSource(c.cell["source"])).Number is > 0 and var bad)
        {
            problem = $"cell {bad} lacks a text \"cell_type\" or \"source\"";
        }

        return problem is null ? notebook! : throw new InvalidDataException($"'{path}' is not a Jupyter notebook: {problem}.");
    }

    private static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        var single => (string?)single ?? "",
    };
}
