using System.Text.Json.Nodes;

namespace PReluKit.Tests.Infrastructure;

/// <summary>The committed notebooks, read as JSON.</summary>
internal static class NotebookFiles
{
    public static IReadOnlyList<string> Names =>
        [.. Directory.GetFiles(RepositoryRoot.Combine("notebooks"), "*.ipynb").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    public static JsonNode Load(string name) => JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("notebooks", name + ".ipynb")))!;

    public static IEnumerable<JsonNode> Cells(JsonNode notebook) => notebook["cells"]!.AsArray().OfType<JsonNode>();

    public static IEnumerable<JsonNode> Code(JsonNode notebook) => Cells(notebook).Where(c => (string?)c["cell_type"] == "code");

    public static string Source(JsonNode cell) => cell["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        var single => (string?)single ?? "",
    };
}
