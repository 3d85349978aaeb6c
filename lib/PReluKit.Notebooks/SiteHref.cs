namespace PReluKit.Notebooks;

/// <summary>
/// Links between the course site's files. A notebook's name may hold spaces, <c>#</c>, <c>?</c>, <c>%</c>, quotes or
/// <c>&lt;</c>: as an href it is percent-encoded, which makes it the right relative URL (a <c>#</c> is no fragment, a
/// <c>%41</c> stays three characters) and leaves nothing that could end a quoted attribute.
/// </summary>
public static class SiteHref
{
    /// <summary>The href of the file <paramref name="fileName"/> beside the page.</summary>
    public static string To(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Uri.EscapeDataString(fileName);
    }
}
