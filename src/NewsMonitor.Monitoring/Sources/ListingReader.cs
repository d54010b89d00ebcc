using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace NewsMonitor.Monitoring.Sources;

/// <summary>
/// A listing page (a section front, a tag page): the links on it that look like articles on the same
/// site. Include/exclude patterns on the source decide more precisely.
/// </summary>
internal static partial class ListingReader
{
    private const int MaxLinks = 1000;

    public static SourceListing Read(string html, Uri sourceUrl)
    {
        using var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } href && Uri.TryCreate(sourceUrl, href, out var b) ? b : sourceUrl;
        var items = new List<SourceItem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            if (items.Count >= MaxLinks) break;
            var target = anchor.GetAttribute("href")!.Trim();
            if (target.StartsWith('#') || !Uri.TryCreate(baseUrl, target, out var absolute) || !UrlKeys.TryParseHttpUrl(absolute.AbsoluteUri, out var url)) continue;
            if (!SameSite(url, sourceUrl) || !LooksLikeArticle(url)) continue;
            if (UrlKeys.Normalise(url).AbsoluteUri == UrlKeys.Normalise(sourceUrl).AbsoluteUri || !seen.Add(UrlKeys.KeyOf(url))) continue;
            var title = string.Join(' ', anchor.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            items.Add(new SourceItem(url, title.Length == 0 ? null : title, null));
        }
        return items.Count == 0
            ? SourceListing.Failed("the page links to nothing that looks like an article on the same site")
            : new SourceListing(SourceFormat.Listing, items, null);
    }

    private static bool SameSite(Uri a, Uri b)
    {
        static string Site(Uri u) => u.IdnHost.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? u.IdnHost[4..] : u.IdnHost;
        return Site(a).Equals(Site(b), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Article URLs have a dated path, a long slug or a numeric id; section, tag and author pages do not.</summary>
    internal static bool LooksLikeArticle(Uri url)
    {
        var path = url.AbsolutePath;
        if (path.Length <= 1 || NotArticle().IsMatch(path)) return false;
        var last = path.TrimEnd('/').Split('/')[^1];
        return DatedPath().IsMatch(path) || last.Count(c => c == '-') >= 3 || NumericId().IsMatch(last);
    }

    [GeneratedRegex(@"/(tag|tags|topic|topics|category|categories|author|authors|section|page|search|login|subscribe|about|contact|privacy|terms)(/|$)|\.(jpg|jpeg|png|gif|svg|pdf|mp3|mp4|zip|css|js|xml|rss)$", RegexOptions.IgnoreCase)]
    private static partial Regex NotArticle();

    [GeneratedRegex(@"/(19|20)\d{2}[/-]\d{1,2}([/-]\d{1,2})?/")]
    private static partial Regex DatedPath();

    [GeneratedRegex(@"\d{5,}")]
    private static partial Regex NumericId();
}
