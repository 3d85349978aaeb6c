using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PReluKit.Tests.Infrastructure;

namespace PReluKit.Tests.Architecture;

/// <summary>
/// Which of the kit's namespaces each namespace of lib/PReluKit uses, read from the source with Roslyn's binder: a using
/// directive counts, and so does every name that binds to a kit type, written short, qualified or fully qualified.
/// </summary>
internal static class LibraryNamespaces
{
    private const string Root = "PReluKit";

    /// <summary>For each namespace, the other kit namespaces it uses and a file that shows each use.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<(string Namespace, string Where)>> Uses { get; } = Read();

    private static Dictionary<string, IReadOnlyList<(string Namespace, string Where)>> Read()
    {
        var folder = RepositoryRoot.Combine("lib", "PReluKit");
        var trees = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(folder, p))
            .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), path: Path.GetRelativePath(RepositoryRoot.Path, p)))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "LayerCheck",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
        var kitTypeNames = KitTypes(compilation.GlobalNamespace).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        var uses = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var tree in trees.Where(t => t.FilePath.Length > 0))
        {
            var root = tree.GetCompilationUnitRoot();
            var own = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
            if (own is null)
            {
                continue;
            }

            var model = compilation.GetSemanticModel(tree);
            var used = root.Usings.Select(u => UsedByDirective(model, u))
                .Concat(root.DescendantNodes().OfType<SimpleNameSyntax>()
                    .Where(n => kitTypeNames.Contains(n.Identifier.ValueText))
                    .Select(n => Namespace(model.GetSymbolInfo(n))));
            var ofThis = uses.TryGetValue(own, out var found) ? found : uses[own] = new(StringComparer.Ordinal);
            foreach (var ns in used.OfType<string>().Where(ns => ns != own && IsKit(ns)))
            {
                ofThis.TryAdd(ns, tree.FilePath);
            }
        }

        return uses.ToDictionary(
            u => u.Key,
            u => (IReadOnlyList<(string, string)>)[.. u.Value.Select(p => (p.Key, p.Value))],
            StringComparer.Ordinal);
    }

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static bool IsBuildOutput(string folder, string path)
    {
        var first = Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    // The framework and the packages beside the test binaries; the kit's own assemblies are left out so every kit name
    // binds to the source being read.
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
            .Where(p => !Path.GetFileName(p).StartsWith(Root, StringComparison.Ordinal))
            .DistinctBy(Path.GetFileName)
            .Select(p => MetadataReference.CreateFromFile(p));

    private static IEnumerable<INamedTypeSymbol> KitTypes(INamespaceSymbol global) =>
        global.GetNamespaceMembers().Where(n => n.Name == Root).SelectMany(AllTypes);

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns) =>
        ns.GetTypeMembers().Concat(ns.GetNamespaceMembers().SelectMany(AllTypes));

    private static string? UsedByDirective(SemanticModel model, UsingDirectiveSyntax directive) =>
        directive.Name is null ? null : model.GetSymbolInfo(directive.Name).Symbol switch
        {
            INamespaceSymbol ns => ns.ToDisplayString(),
            ITypeSymbol type => type.ContainingNamespace.ToDisplayString(),
            _ => null,
        };

    private static string? Namespace(SymbolInfo info) =>
        (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is { } symbol and not INamespaceSymbol
            ? symbol.ContainingNamespace?.ToDisplayString()
            : null;

    private static bool IsKit(string ns) => ns == Root || ns.StartsWith(Root + ".", StringComparison.Ordinal);
}
