using System.Net;
using System.Text;
using PReluKit.IO;
using PReluKit.Reports;

namespace PReluKit.Notebooks;

/// <summary>
/// The notebooks' pages as a course: <c>index.html</c> (what you will learn, each notebook with its question and measured
/// times), a sidebar with the contents and a search box on every page, previous/next links (index ↔ 1 ↔ … ↔ last), and the
/// shared files they load (<see cref="Stylesheet"/>, <see cref="Script"/>, the <see cref="SearchIndex"/>). Everything is
/// relative links to files side by side, so the site works from file:// with no request leaving the machine.
/// </summary>
public sealed class CourseSite
{
    /// <summary>The landing page.</summary>
    public const string IndexPage = "index.html";

    /// <summary>The optional markdown file, in the notebooks' folder, that opens the index page (title and what you will learn).</summary>
    public const string IntroFile = "index.md";

    /// <summary>The site's stylesheet.</summary>
    public const string Stylesheet = "site.css";

    /// <summary>The site's hand-written script: the search box.</summary>
    public const string Script = "site.js";

    private readonly string _title;
    private readonly string _intro;

    /// <summary>A site of <paramref name="notebooks"/>, in reading order, opened by <paramref name="introMarkdown"/>.</summary>
    public CourseSite(string title, string introMarkdown, IReadOnlyList<CourseNotebook> notebooks)
    {
        _title = title;
        _intro = introMarkdown;
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
        var lines = (File.Exists(intro) ? File.ReadAllText(intro) : "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var heading = Array.FindIndex(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        var notebooks = notebookPaths.Select(p => CourseNotebook.From(Path.GetFileNameWithoutExtension(p), NotebookRunner.Load(p))).ToList();
        return new CourseSite(heading < 0 ? "Notebooks" : lines[heading][2..].Trim(), string.Join('\n', lines.Where((_, i) => i != heading)), notebooks);
    }

    /// <summary>The frame of the page <paramref name="current"/> (a file name), with <paramref name="lead"/> under its title.</summary>
    public PageFrame Frame(string current, string? lead)
    {
        var pages = new List<(string Page, string Title)> { (IndexPage, "Start here") };
        pages.AddRange(Notebooks.Select(n => (n.Page, n.Title)));
        var at = pages.FindIndex(p => p.Page == current);
        if (at < 0)
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
            .Append("</ol></nav>");
        var pager = new StringBuilder("<nav class=\"site-pager\" aria-label=\"Previous and next\">");
        if (at > 0)
        {
            pager.Append($"<a rel=\"prev\" href=\"{SiteHref.To(pages[at - 1].Page)}\">← {Encode(pages[at - 1].Title)}</a>");
        }

        if (at < pages.Count - 1)
        {
            pager.Append($"<a rel=\"next\" href=\"{SiteHref.To(pages[at + 1].Page)}\">{Encode(pages[at + 1].Title)} →</a>");
        }

        pager.Append("</nav>");
        return new PageFrame($"<link rel=\"stylesheet\" href=\"{Stylesheet}\">",
                             sidebar.ToString(),
                             lead is null ? "" : $"<p class=\"site-lead\">{Encode(lead)}</p>",
                             $"{pager}<script src=\"{SearchIndex.ScriptFile}\"></script><script src=\"{Script}\"></script>");
    }

    /// <summary>The landing page: what you will learn, then each notebook with its question and its measured times.</summary>
    public HtmlReport Index(MeasuredTimes times)
    {
        ArgumentNullException.ThrowIfNull(times);
        var page = new HtmlReport(_title).WithMath().WithFrame(Frame(IndexPage, null));
        page.Raw(Markdig.Markdown.ToHtml(_intro, NotebookPage.Markdown)).Heading("The notebooks");
        var list = new StringBuilder("<ol class=\"course-notebooks\">");
        foreach (var notebook in Notebooks)
        {
            list.Append($"<li><a href=\"{SiteHref.To(notebook.Page)}\">{Encode(notebook.Title)}</a>");
            if (notebook.Question.Length > 0)
            {
                list.Append(Markdig.Markdown.ToHtml(notebook.Question, NotebookPage.Markdown));
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

    /// <summary>
    /// Writes <see cref="IndexPage"/>, the stylesheet, the script and <paramref name="search"/> (with the index's own text
    /// added) into <paramref name="folder"/>; the notebooks' pages are written by the caller, framed by <see cref="Frame"/>.
    /// </summary>
    public void Write(string folder, MeasuredTimes times, SearchIndex search)
    {
        ArgumentNullException.ThrowIfNull(search);
        search.Add(IndexPage, _title, SearchIndex.PlainMarkdown(_intro) + " " +
                                      string.Join(' ', Notebooks.Select(n => n.Title + " " + SearchIndex.PlainMarkdown(n.Question))));
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
