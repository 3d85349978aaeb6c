using System.Net;
using System.Text;
using PReluKit.IO;
using PReluKit.Reports;

namespace PReluKit.Notebooks;

/// <summary>
/// The notebooks' pages as a course: <c>index.html</c> (what you will learn, each notebook with its question and measured
/// times), a sidebar with the contents and a search box on every page, previous/next links (index ↔ 1 ↔ … ↔ last), and the
/// shared files they load (<see cref="Stylesheet"/>, <see cref="Script"/>, the <see cref="SearchIndex"/>, plotly.js and KaTeX
/// once for the site: <see cref="SharedAssets"/>); a notation and glossary page (<see cref="GlossaryFile"/>) linked from
/// every sidebar; under each notebook page's title, how to run it live (<see cref="RunLive"/>). Everything is relative
/// links to files side by side, so the site works from file:// with no request leaving the machine.
/// </summary>
public sealed class CourseSite
{
    /// <summary>The landing page.</summary>
    public const string IndexPage = "index.html";

    /// <summary>The optional markdown file, in the notebooks' folder, that opens the index page (title and what you will learn).</summary>
    public const string IntroFile = "index.md";

    /// <summary>The optional markdown file, in the notebooks' folder, of the notation and glossary page.</summary>
    public const string GlossaryFile = "glossary.md";

    /// <summary>The notation and glossary page, written when the notebooks' folder has a <see cref="GlossaryFile"/>.</summary>
    public const string GlossaryPage = "glossary.html";

    /// <summary>The site's stylesheet.</summary>
    public const string Stylesheet = "site.css";

    /// <summary>The site's hand-written script: the search box.</summary>
    public const string Script = "site.js";

    private readonly string _title;
    private readonly string _intro;
    private readonly MarkdownPage? _glossary;

    /// <summary>
    /// A site of <paramref name="notebooks"/>, in reading order, opened by <paramref name="introMarkdown"/>, with a glossary
    /// page of <paramref name="glossaryMarkdown"/> (its first <c># heading</c> is its title) when one is given.
    /// </summary>
    public CourseSite(string title, string introMarkdown, IReadOnlyList<CourseNotebook> notebooks, string? glossaryMarkdown = null)
    {
        _title = title;
        _intro = introMarkdown;
        _glossary = glossaryMarkdown is null ? null : MarkdownPage.Parse(glossaryMarkdown, "Notation and glossary");
        Notebooks = notebooks;
    }

    /// <summary>The notebooks, in reading order.</summary>
    public IReadOnlyList<CourseNotebook> Notebooks { get; }

    /// <summary>The notebooks' names: links to <c>NAME.ipynb</c> become links to their pages.</summary>
    public IReadOnlySet<string> PageNames => Notebooks.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The site of the notebooks <paramref name="notebookPaths"/> (in the order given), opened by <see cref="IntroFile"/> in
    /// <paramref name="folder"/> when there is one: its first <c># heading</c> titles the site, the rest opens the index.
    /// </summary>
    public static CourseSite From(string folder, IEnumerable<string> notebookPaths)
    {
        var intro = Path.Combine(folder, IntroFile);
        var opening = MarkdownPage.Parse(File.Exists(intro) ? File.ReadAllText(intro) : "", "Notebooks");
        var glossary = Path.Combine(folder, GlossaryFile);
        var notebooks = notebookPaths.Select(p => CourseNotebook.From(Path.GetFileNameWithoutExtension(p), NotebookRunner.Load(p))).ToList();
        return new CourseSite(opening.Title, opening.Body, notebooks, File.Exists(glossary) ? File.ReadAllText(glossary) : null);
    }

    /// <summary>The frame of the page <paramref name="current"/> (a file name), with <paramref name="lead"/> under its title.</summary>
    public PageFrame Frame(string current, string? lead)
    {
        var pages = new List<(string Page, string Title)> { (IndexPage, "Start here") };
        pages.AddRange(Notebooks.Select(n => (n.Page, n.Title)));
        var at = pages.FindIndex(p => p.Page == current);
        var atGlossary = _glossary is not null && current == GlossaryPage;
        if (at < 0 && !atGlossary)
        {
            throw new ArgumentException($"'{current}' is not a page of this site.", nameof(current));
        }

        var sidebar = new StringBuilder()
            .Append("<nav class=\"site-toc\" aria-label=\"Course contents\">")
            .Append($"<p class=\"site-name\"><a href=\"{IndexPage}\">{Encode(_title)}</a></p>")
            .Append("<input id=\"site-search\" type=\"search\" placeholder=\"Search the course\" aria-label=\"Search the course\" autocomplete=\"off\">")
            .Append("<ol id=\"site-search-results\"></ol><ol class=\"site-pages\">")
            .AppendJoin("", pages.Select((p, i) => i == at
                ? $"<li><a href=\"{SiteHref.To(p.Page)}\" class=\"current\" aria-current=\"page\">{Encode(p.Title)}</a></li>"
                : $"<li><a href=\"{SiteHref.To(p.Page)}\">{Encode(p.Title)}</a></li>"))
            .Append("</ol>")
            .Append(_glossary is null ? "" : atGlossary
                ? $"<p class=\"site-glossary\"><a href=\"{GlossaryPage}\" class=\"current\" aria-current=\"page\">{Encode(_glossary.Title)}</a></p>"
                : $"<p class=\"site-glossary\"><a href=\"{GlossaryPage}\">{Encode(_glossary.Title)}</a></p>")
            .Append("</nav>");
        var pager = new StringBuilder("<nav class=\"site-pager\" aria-label=\"Previous and next\">");
        if (at > 0)
        {
            pager.Append($"<a rel=\"prev\" href=\"{SiteHref.To(pages[at - 1].Page)}\">← {Encode(pages[at - 1].Title)}</a>");
        }

        if (atGlossary)
        {
            pager.Append($"<a rel=\"prev\" href=\"{IndexPage}\">← {Encode(pages[0].Title)}</a>");
        }
        else if (at < pages.Count - 1)
        {
            pager.Append($"<a rel=\"next\" href=\"{SiteHref.To(pages[at + 1].Page)}\">{Encode(pages[at + 1].Title)} →</a>");
        }

        pager.Append("</nav>");
        var notebook = Notebooks.FirstOrDefault(n => n.Page == current);
        return new PageFrame($"<link rel=\"stylesheet\" href=\"{Stylesheet}\">",
                             sidebar.ToString(),
                             (lead is null ? "" : $"<p class=\"site-lead\">{Encode(lead)}</p>") + (notebook is null ? "" : RunLive.Html(notebook.Name)),
                             $"{pager}<script src=\"{SearchIndex.ScriptFile}\"></script><script src=\"{Script}\"></script>")
        {
            LoadsSharedAssets = true,
        };
    }

    /// <summary>The landing page: what you will learn, then each notebook with its question and its measured times.</summary>
    public HtmlReport Index(MeasuredTimes times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var page = new HtmlReport(_title).WithMath().WithFrame(Frame(IndexPage, null));
        page.Raw(NotebookPage.ToHtml(_intro)).Heading("The notebooks");
        var list = new StringBuilder("<ol class=\"course-notebooks\">");
        foreach (var notebook in Notebooks)
        {
            list.Append($"<li><a href=\"{SiteHref.To(notebook.Page)}\">{Encode(notebook.Title)}</a>");
            if (notebook.Question.Length > 0)
            {
                list.Append(NotebookPage.ToHtml(notebook.Question));
            }

            if (times.Sentence(notebook.Name, withMachine: false) is { } sentence)
            {
                list.Append($"<p class=\"site-times\">{Encode(sentence)}</p>");
            }

            list.Append("</li>");
        }

        page.Raw(list.Append("</ol>").ToString());
        var where = Notebooks.SelectMany(n => times.Of(n.Name)).Select(m => $"{m.Measurement.Machine}, commit {m.Measurement.Commit}").Distinct().ToList();
        if (where.Count > 0)
        {
            page.Paragraph("Times measured with prelu notebooks render on: " + string.Join("; ", where) + ".");
        }

        return page;
    }

    /// <summary>The notation and glossary page, or null when the site has none.</summary>
    public HtmlReport? Glossary() =>
        _glossary is null ? null : new HtmlReport(_glossary.Title).WithMath().WithFrame(Frame(GlossaryPage, null)).Raw(NotebookPage.ToHtml(_glossary.Body));

    /// <summary>
    /// Writes <see cref="IndexPage"/>, the glossary page, the stylesheet, the scripts, plotly.js and KaTeX, and
    /// <paramref name="search"/> (with the index's and the glossary's own text added) into <paramref name="folder"/>; the
    /// notebooks' pages are written by the caller, framed by <see cref="Frame"/>.
    /// </summary>
    public void Write(string folder, MeasuredTimes times, SearchIndex search)
    {
        ArgumentNullException.ThrowIfNull(search);
        search.AddSummary(IndexPage, _title, SearchIndex.PlainMarkdown(_intro) + " " +
                                      string.Join(' ', Notebooks.Select(n => n.Title + " " + SearchIndex.PlainMarkdown(n.Question))));
        if (_glossary is not null)
        {
            search.AddSummary(GlossaryPage, _glossary.Title, SearchIndex.PlainMarkdown(_glossary.Body));
            Glossary()!.Write(Path.Combine(folder, GlossaryPage));
        }

        SharedAssets.Write(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, Stylesheet), Resource(Stylesheet));
        AtomicFile.WriteAllText(Path.Combine(folder, Script), Resource(Script));
        AtomicFile.WriteAllText(Path.Combine(folder, SearchIndex.ScriptFile), search.ToScript());
        Index(times).Write(Path.Combine(folder, IndexPage));
    }

    private static string Resource(string name)
    {
        using var stream = typeof(CourseSite).Assembly.GetManifestResourceStream($"PReluKit.Notebooks.Site.{name}")
                           ?? throw new InvalidOperationException($"{name} is not embedded in PReluKit.Notebooks.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
