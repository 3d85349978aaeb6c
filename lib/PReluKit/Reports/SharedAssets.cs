using PReluKit.IO;

namespace PReluKit.Reports;

/// <summary>
/// The scripts and styles every page of a site loads, written once beside the pages rather than inlined in each:
/// plotly.js (<see cref="PlotlyFile"/>) and, where KaTeX is installed (<see cref="MathTypesetting"/>), KaTeX with its woff2
/// fonts as files under <see cref="KatexFolder"/>. Relative links, so the site still opens from file:// with no request.
/// </summary>
public static class SharedAssets
{
    /// <summary>plotly.js, beside the pages.</summary>
    public const string PlotlyFile = "plotly.min.js";

    /// <summary>KaTeX's folder, beside the pages.</summary>
    public const string KatexFolder = "katex";

    private static readonly Lazy<string> PlotlySource = new(() =>
    {
        using var stream = typeof(Plotly.NET.GenericChart).Assembly.GetManifestResourceStream("Plotly.NET.plotly-2.28.0.min.js")
                           ?? throw new InvalidOperationException("plotly.js is not embedded in this Plotly.NET build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>plotly.js 2.28.0, as embedded in Plotly.NET.</summary>
    public static string PlotlyJs => PlotlySource.Value;

    /// <summary>The head elements that load KaTeX from <see cref="KatexFolder"/> and typeset the page, or null without KaTeX.</summary>
    public static string? MathHeadElements => MathTypesetting.Folder is null ? null :
        $"<link rel=\"stylesheet\" href=\"{KatexFolder}/katex.min.css\">\n" +
        $"<script src=\"{KatexFolder}/katex.min.js\"></script>\n<script src=\"{KatexFolder}/auto-render.js\"></script>\n" +
        MathTypesetting.RenderScript;

    /// <summary>Writes plotly.js and KaTeX (style, scripts, woff2 fonts) into <paramref name="folder"/>, each file atomically.</summary>
    public static void Write(string folder)
    {
        AtomicFile.WriteAllText(Path.Combine(folder, PlotlyFile), PlotlyJs);
        if (MathTypesetting.Folder is not { } katex)
        {
            return;
        }

        var target = Directory.CreateDirectory(Path.Combine(folder, KatexFolder)).FullName;
        var fonts = new List<string>();
        var css = MathTypesetting.Style(katex, font =>
        {
            fonts.Add(font);
            return font;
        });
        foreach (var font in fonts)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, font))!);
            AtomicFile.WriteAllBytes(Path.Combine(target, font), File.ReadAllBytes(Path.Combine(katex, font)));
        }

        AtomicFile.WriteAllText(Path.Combine(target, "katex.min.css"), css);
        AtomicFile.WriteAllText(Path.Combine(target, "katex.min.js"), File.ReadAllText(Path.Combine(katex, "katex.min.js")));
        AtomicFile.WriteAllText(Path.Combine(target, "auto-render.js"), File.ReadAllText(Path.Combine(katex, "contrib", "auto-render.js")));
    }
}
