using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsMonitor.Extraction;

/// <summary>
/// Reads title, byline, dates, language and links from structured signals, strongest first:
/// JSON-LD, then Open Graph / article:* meta tags, then markup (&lt;time&gt;, itemprop, h1), then the URL.
/// </summary>
internal static partial class MetadataReader
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " / ", " : "];

    public static PageMetadata Read(IDocument document, string? url)
    {
        var meta = new PageMetadata();
        var metaTags = ReadMetaTags(document);
        var jsonLd = JsonLdReader.Read(document.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent));

        // Site name first: the title cleaner uses it.
        meta.Set("siteName", Get(metaTags, "og:site_name"), "og:site_name", v => meta.SiteName = v);
        meta.Set("siteName", jsonLd?.Publisher, "json-ld", v => meta.SiteName = v);
        meta.Set("siteName", Get(metaTags, "application-name"), "meta:application-name", v => meta.SiteName = v);

        ReadTitle(document, meta, metaTags, jsonLd);
        ReadByline(document, meta, metaTags, jsonLd);
        ReadDates(document, meta, metaTags, jsonLd, url);

        meta.Set("language", PrimaryLanguage(document.DocumentElement.GetAttribute("lang")), "html-lang", v => meta.Language = v);
        meta.Set("language", PrimaryLanguage(Get(metaTags, "content-language")), "meta:content-language", v => meta.Language = v);
        meta.Set("language", PrimaryLanguage(Get(metaTags, "og:locale")), "og:locale", v => meta.Language = v);
        meta.Set("language", PrimaryLanguage(jsonLd?.Language), "json-ld", v => meta.Language = v);

        meta.Set("description", Get(metaTags, "og:description"), "og:description", v => meta.Description = v);
        meta.Set("description", Get(metaTags, "description"), "meta:description", v => meta.Description = v);
        meta.Set("description", jsonLd?.Description, "json-ld", v => meta.Description = v);

        meta.Set("imageUrl", Absolute(Get(metaTags, "og:image"), url), "og:image", v => meta.ImageUrl = v);
        meta.Set("imageUrl", Absolute(jsonLd?.Image, url), "json-ld", v => meta.ImageUrl = v);
        meta.Set("imageUrl", Absolute(Get(metaTags, "twitter:image"), url), "twitter:image", v => meta.ImageUrl = v);

        var canonical = document.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href");
        meta.Set("canonicalUrl", Absolute(canonical, url), "link-canonical", v => meta.CanonicalUrl = v);
        meta.Set("canonicalUrl", Absolute(Get(metaTags, "og:url"), url), "og:url", v => meta.CanonicalUrl = v);
        meta.Set("canonicalUrl", Absolute(url, null), "request-url", v => meta.CanonicalUrl = v);

        if (jsonLd?.ArticleBody is { Length: > 0 } body) meta.ArticleBody = body;
        return meta;
    }

    private static Dictionary<string, string> ReadMetaTags(IDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.QuerySelectorAll("meta"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name")
                ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
            var content = element.GetAttribute("content");
            if (key is null || string.IsNullOrWhiteSpace(content)) continue;
            tags.TryAdd(key.Trim(), TextNormaliser.Collapse(content));
        }
        return tags;
    }

    private static string? Get(Dictionary<string, string> tags, string key) => tags.GetValueOrDefault(key);

    private static void ReadTitle(IDocument document, PageMetadata meta, Dictionary<string, string> tags, JsonLdReader.JsonLdArticle? jsonLd)
    {
        var h1 = FirstHeading(document);
        (string? Value, string Signal)[] candidates =
        [
            (jsonLd?.Headline, "json-ld"),
            (Get(tags, "og:title"), "og:title"),
            (Get(tags, "twitter:title"), "twitter:title"),
            (TextNormaliser.Collapse(document.Title ?? ""), "title-tag"),
        ];
        foreach (var (value, signal) in candidates)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var clean = StripSiteName(value, meta.SiteName);
            // The page's own headline is the cleanest form when the metadata agrees with it.
            if (h1 is not null && h1.Length >= clean.Length / 2 && clean.Contains(h1, StringComparison.OrdinalIgnoreCase))
            {
                meta.Set("title", h1, "h1", v => meta.Title = v);
                return;
            }
            meta.Set("title", clean, signal, v => meta.Title = v);
            return;
        }
        meta.Set("title", h1, "h1", v => meta.Title = v);
    }

    private static string? FirstHeading(IDocument document)
    {
        var heading = document.QuerySelector("article h1, main h1, [itemprop~='headline'], h1");
        if (heading is null) return null;
        var text = TextNormaliser.Collapse(heading.TextContent);
        return text.Length == 0 ? null : text;
    }

    internal static string StripSiteName(string title, string? siteName)
    {
        foreach (var separator in TitleSeparators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            var first = title.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                var head = title[..at].Trim();
                var tail = title[(at + separator.Length)..].Trim();
                if (IsSiteName(tail, siteName) || (tail.Length <= 30 && CountWords(head) >= 3 && CountWords(tail) <= 4 && head.Length >= 2 * tail.Length))
                    return head;
            }
            if (first > 0)
            {
                var lead = title[..first].Trim();
                var rest = title[(first + separator.Length)..].Trim();
                if (IsSiteName(lead, siteName)) return rest;
            }
        }
        return title;
    }

    private static bool IsSiteName(string part, string? siteName) =>
        siteName is not null && (part.Equals(siteName, StringComparison.OrdinalIgnoreCase)
            || (part.Length >= 3 && siteName.Contains(part, StringComparison.OrdinalIgnoreCase))
            || (siteName.Length >= 3 && part.Contains(siteName, StringComparison.OrdinalIgnoreCase)));

    private static int CountWords(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static void ReadByline(IDocument document, PageMetadata meta, Dictionary<string, string> tags, JsonLdReader.JsonLdArticle? jsonLd)
    {
        meta.Set("byline", CleanByline(jsonLd?.Author), "json-ld", v => meta.Byline = v);
        var author = Get(tags, "author");
        if (author is not null && !author.Contains("://", StringComparison.Ordinal))
            meta.Set("byline", CleanByline(author), "meta:author", v => meta.Byline = v);
        meta.Set("byline", CleanByline(Get(tags, "article:author") is { } a && !a.Contains("://", StringComparison.Ordinal) ? a : null), "article:author", v => meta.Byline = v);
        var marked = document.QuerySelector("[itemprop~='author'] [itemprop~='name'], [itemprop~='author'], [rel~='author'], .byline, .author-name, .author");
        if (marked is not null)
        {
            var text = TextNormaliser.Collapse(marked.TextContent);
            if (text.Length is > 0 and <= 120) meta.Set("byline", CleanByline(text), "markup", v => meta.Byline = v);
        }
    }

    private static string? CleanByline(string? byline)
    {
        if (string.IsNullOrWhiteSpace(byline)) return null;
        var text = TextNormaliser.Collapse(byline);
        text = BylinePrefix().Replace(text, "");
        return text.Length == 0 ? null : text;
    }

    private static void ReadDates(IDocument document, PageMetadata meta, Dictionary<string, string> tags, JsonLdReader.JsonLdArticle? jsonLd, string? url)
    {
        meta.Set("publishedAt", ParseDate(jsonLd?.DatePublished), "json-ld", v => meta.PublishedAt = v);
        foreach (var key in (string[])["article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date"])
            meta.Set("publishedAt", ParseDate(Get(tags, key)), "meta:" + key, v => meta.PublishedAt = v);
        var itemprop = document.QuerySelector("[itemprop~='datePublished']");
        meta.Set("publishedAt", ParseDate(itemprop?.GetAttribute("datetime") ?? itemprop?.GetAttribute("content")), "itemprop", v => meta.PublishedAt = v);
        var time = document.QuerySelector("article time[datetime], time[pubdate], time[datetime]");
        meta.Set("publishedAt", ParseDate(time?.GetAttribute("datetime")), "time-element", v => meta.PublishedAt = v);
        meta.Set("publishedAt", DateFromUrl(url), "url", v => meta.PublishedAt = v);

        meta.Set("modifiedAt", ParseDate(jsonLd?.DateModified), "json-ld", v => meta.ModifiedAt = v);
        foreach (var key in (string[])["article:modified_time", "og:updated_time", "dateModified", "last-modified"])
            meta.Set("modifiedAt", ParseDate(Get(tags, key)), "meta:" + key, v => meta.ModifiedAt = v);
    }

    internal static DateTimeOffset? ParseDate(string? value) => ParseDateValue(value);

    internal static DateTimeOffset? ParseDateValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return parsed;
        // "20210926T101500Z" and similar compact forms.
        string[] formats = ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz", "ddd, dd MMM yyyy HH:mm:ss zzz"];
        return DateTimeOffset.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed) ? parsed : null;
    }

    private static DateTimeOffset? DateFromUrl(string? url)
    {
        if (url is null) return null;
        var match = UrlDate().Match(url);
        if (!match.Success) return null;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = match.Groups["d"].Success ? int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture) : 1;
        if (year < 1995 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
    }

    private static string? PrimaryLanguage(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var primary = value.Trim().Split('-', '_', ',', ';')[0].Trim().ToLowerInvariant();
        return primary.Length is >= 2 and <= 3 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    private static string? Absolute(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href)) return null;
        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            return absolute.AbsoluteUri;
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) && Uri.TryCreate(root, href, out var resolved)
            && (resolved.Scheme == Uri.UriSchemeHttp || resolved.Scheme == Uri.UriSchemeHttps))
            return resolved.AbsoluteUri;
        return null;
    }

    [GeneratedRegex(@"^(?:by|von|par|por|di|door)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"/(?<y>(?:19|20)\d{2})[/-](?<m>\d{1,2})(?:[/-](?<d>\d{1,2}))?/", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();
}
