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

    /// <summary>What one walk over the page collects for the metadata readers.</summary>
    private sealed class PageSignals
    {
        public readonly Dictionary<string, string> MetaTags = new(StringComparer.OrdinalIgnoreCase);
        public readonly List<string> JsonLd = [];
        public string? Title;
        public string? Canonical;
        public IElement? ArticleHeading;
        public IElement? FirstHeading;
        public IElement? ItempropHeadline;
        public IElement? ItempropAuthorName;
        public IElement? ItempropAuthor;
        public IElement? RelAuthor;
        public IElement? BylineClass;
        public IElement? ItempropPublished;
        public IElement? ArticleTime;
        public IElement? PubdateTime;
        public IElement? AnyTime;
    }

    /// <summary>One walk over the document: CSS selector queries would walk it once each.</summary>
    private static PageSignals Collect(IDocument document)
    {
        var signals = new PageSignals();
        var stack = new Stack<(IElement Element, bool InArticle, bool InAuthor)>();
        if (document.DocumentElement is { } root) stack.Push((root, false, false));
        while (stack.Count > 0)
        {
            var (element, inArticle, inAuthor) = stack.Pop();
            var tag = element.LocalName;
            switch (tag)
            {
                case "meta":
                    var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
                    var content = element.GetAttribute("content");
                    if (key is not null && !string.IsNullOrWhiteSpace(content)) signals.MetaTags.TryAdd(key.Trim(), TextNormaliser.Collapse(content));
                    if (key is not null && key.Equals("datePublished", StringComparison.OrdinalIgnoreCase)) signals.ItempropPublished ??= element;
                    continue;
                case "script":
                    if (string.Equals(element.GetAttribute("type"), "application/ld+json", StringComparison.OrdinalIgnoreCase)) signals.JsonLd.Add(element.TextContent);
                    continue;
                case "link":
                    if (signals.Canonical is null && HasToken(element.GetAttribute("rel"), "canonical")) signals.Canonical = element.GetAttribute("href");
                    continue;
                case "title":
                    if (signals.Title is null && element.ParentElement?.LocalName == "head") signals.Title = element.TextContent;
                    continue;
                case "style" or "noscript" or "template" or "svg":
                    continue;
                case "h1":
                    signals.FirstHeading ??= element;
                    if (inArticle) signals.ArticleHeading ??= element;
                    break;
                case "time":
                    if (element.HasAttribute("datetime"))
                    {
                        signals.AnyTime ??= element;
                        if (inArticle) signals.ArticleTime ??= element;
                    }
                    if (element.HasAttribute("pubdate")) signals.PubdateTime ??= element;
                    break;
            }
            var itemprop = element.GetAttribute("itemprop");
            var isAuthor = false;
            if (itemprop is not null)
            {
                if (HasToken(itemprop, "headline")) signals.ItempropHeadline ??= element;
                if (HasToken(itemprop, "datePublished")) signals.ItempropPublished ??= element;
                if (HasToken(itemprop, "author")) { signals.ItempropAuthor ??= element; isAuthor = true; }
                if (inAuthor && HasToken(itemprop, "name")) signals.ItempropAuthorName ??= element;
            }
            if (signals.RelAuthor is null && HasToken(element.GetAttribute("rel"), "author")) signals.RelAuthor = element;
            if (signals.BylineClass is null && element.GetAttribute("class") is { } cls
                && (HasToken(cls, "byline") || HasToken(cls, "author-name") || HasToken(cls, "author")))
                signals.BylineClass = element;
            var childInArticle = inArticle || tag is "article" or "main";
            for (var child = element.LastElementChild; child is not null; child = child.PreviousElementSibling)
                stack.Push((child, childInArticle, inAuthor || isAuthor));
        }
        return signals;
    }

    private static bool HasToken(string? value, string token)
    {
        if (value is null) return false;
        var span = value.AsSpan();
        foreach (var range in span.SplitAny(" \t\n\r\f"))
            if (span[range].Equals(token, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static PageMetadata Read(IDocument document, string? url)
    {
        var meta = new PageMetadata();
        var page = Collect(document);
        var metaTags = page.MetaTags;
        var jsonLd = JsonLdReader.Read(page.JsonLd);

        // Site name first: the title cleaner uses it.
        meta.Set("siteName", Get(metaTags, "og:site_name"), "og:site_name", v => meta.SiteName = v);
        meta.Set("siteName", jsonLd?.Publisher, "json-ld", v => meta.SiteName = v);
        meta.Set("siteName", Get(metaTags, "application-name"), "meta:application-name", v => meta.SiteName = v);

        ReadTitle(page, meta, metaTags, jsonLd, page.Title);
        ReadByline(page, meta, metaTags, jsonLd);
        ReadDates(page, meta, metaTags, jsonLd, url);

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

        meta.Set("canonicalUrl", Absolute(page.Canonical, url), "link-canonical", v => meta.CanonicalUrl = v);
        meta.Set("canonicalUrl", Absolute(Get(metaTags, "og:url"), url), "og:url", v => meta.CanonicalUrl = v);
        meta.Set("canonicalUrl", Absolute(url, null), "request-url", v => meta.CanonicalUrl = v);

        if (jsonLd?.ArticleBody is { Length: > 0 } body) meta.ArticleBody = body;
        return meta;
    }

    private static string? Get(Dictionary<string, string> tags, string key) => tags.GetValueOrDefault(key);

    private static void ReadTitle(PageSignals page, PageMetadata meta, Dictionary<string, string> tags, JsonLdReader.JsonLdArticle? jsonLd, string? documentTitle)
    {
        var h1 = HeadingText(page.ArticleHeading ?? page.ItempropHeadline ?? page.FirstHeading);
        (string? Value, string Signal)[] candidates =
        [
            (jsonLd?.Headline, "json-ld"),
            (Get(tags, "og:title"), "og:title"),
            (Get(tags, "twitter:title"), "twitter:title"),
            (TextNormaliser.Collapse(documentTitle ?? ""), "title-tag"),
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

    private static string? HeadingText(IElement? heading)
    {
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

    private static void ReadByline(PageSignals page, PageMetadata meta, Dictionary<string, string> tags, JsonLdReader.JsonLdArticle? jsonLd)
    {
        meta.Set("byline", CleanByline(jsonLd?.Author), "json-ld", v => meta.Byline = v);
        var author = Get(tags, "author");
        if (author is not null && !author.Contains("://", StringComparison.Ordinal))
            meta.Set("byline", CleanByline(author), "meta:author", v => meta.Byline = v);
        meta.Set("byline", CleanByline(Get(tags, "article:author") is { } a && !a.Contains("://", StringComparison.Ordinal) ? a : null), "article:author", v => meta.Byline = v);
        var marked = page.ItempropAuthorName ?? page.ItempropAuthor ?? page.RelAuthor ?? page.BylineClass;
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

    private static void ReadDates(PageSignals page, PageMetadata meta, Dictionary<string, string> tags, JsonLdReader.JsonLdArticle? jsonLd, string? url)
    {
        meta.Set("publishedAt", ParseDate(jsonLd?.DatePublished), "json-ld", v => meta.PublishedAt = v);
        foreach (var key in (string[])["article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date"])
            meta.Set("publishedAt", ParseDate(Get(tags, key)), "meta:" + key, v => meta.PublishedAt = v);
        var itemprop = page.ItempropPublished;
        meta.Set("publishedAt", ParseDate(itemprop?.GetAttribute("datetime") ?? itemprop?.GetAttribute("content")), "itemprop", v => meta.PublishedAt = v);
        var time = page.ArticleTime ?? page.PubdateTime ?? page.AnyTime;
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
