using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using NewsMonitor.Extraction;

namespace NewsMonitor.Monitoring.Sources;

/// <summary>One article a source points at.</summary>
public sealed record SourceItem(Uri Url, string? Title, DateTimeOffset? PublishedAt)
{
    /// <summary>When the source says the article last changed (Atom <c>updated</c>, sitemap <c>lastmod</c>): a later date than our fetch means fetch it again.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}

public enum SourceFormat { Rss, Atom, Rdf, Sitemap, SitemapIndex, Listing, UrlList }

/// <summary>What a source lists, or why it could not be read (<see cref="Error"/>); <see cref="Warning"/> notes what was skipped.</summary>
public sealed record SourceListing(SourceFormat? Format, IReadOnlyList<SourceItem> Items, string? Error, string? Warning = null)
{
    /// <summary>For a sitemap index: the sitemaps it lists (URL and lastmod).</summary>
    public IReadOnlyList<SourceItem> Sitemaps { get; init; } = [];

    public static SourceListing Failed(string error) => new(null, [], error);
}

/// <summary>
/// Reads a source document: RSS 2.0 and Atom (System.ServiceModel.Syndication), RSS 1.0/RDF, or a
/// plain list of URLs, one per line. XML is read with DTDs prohibited: no external entities, no
/// entity-expansion bombs.
/// </summary>
public static class SourceReader
{
    private const int MaxItems = 5000;

    public static SourceListing Read(byte[] body, string? contentType, Uri sourceUrl, SourceKind kind = SourceKind.Auto)
    {
        ArgumentNullException.ThrowIfNull(body);
        var text = PageDecoder.Decode(body, contentType).Text;
        var trimmed = text.AsSpan().TrimStart();
        return kind switch
        {
            SourceKind.Listing => ListingReader.Read(text, sourceUrl),
            SourceKind.UrlList => ReadUrlList(text, sourceUrl),
            SourceKind.Feed or SourceKind.Sitemap => ReadXml(text, sourceUrl),
            _ when trimmed.StartsWith("<", StringComparison.Ordinal) => LooksLikeHtml(trimmed) ? ListingReader.Read(text, sourceUrl) : ReadXml(text, sourceUrl),
            _ => ReadUrlList(text, sourceUrl),
        };
    }

    private static bool LooksLikeHtml(ReadOnlySpan<char> text)
    {
        var head = text[..Math.Min(text.Length, 1024)];
        return head.Contains("<html", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase);
    }

    private static XmlReaderSettings SafeSettings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = 64 * 1024 * 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static SourceListing ReadXml(string xml, Uri sourceUrl)
    {
        try
        {
            using (var reader = XmlReader.Create(new StringReader(xml), SafeSettings()))
            {
                reader.MoveToContent();
                if (reader.LocalName == "RDF") return ReadRdf(xml, sourceUrl);
                if (reader.LocalName is "urlset" or "sitemapindex") return ReadSitemap(xml, sourceUrl);
                var rss = new Rss20FeedFormatter { DateTimeParser = LenientDate, UriParser = LenientUri };
                var atom = new Atom10FeedFormatter { DateTimeParser = LenientDate, UriParser = LenientUri };
                SyndicationFeed? feed = null;
                SourceFormat format;
                if (rss.CanRead(reader)) { rss.ReadFrom(reader); feed = rss.Feed; format = SourceFormat.Rss; }
                else if (atom.CanRead(reader)) { atom.ReadFrom(reader); feed = atom.Feed; format = SourceFormat.Atom; }
                else return SourceListing.Failed($"unrecognised XML document <{reader.LocalName}>: not RSS, Atom or RDF");
                return new SourceListing(format, ItemsOf(feed, sourceUrl), null);
            }
        }
        catch (XmlException e)
        {
            return SourceListing.Failed($"malformed feed: {e.Message}");
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or NotSupportedException or OverflowException)
        {
            // The syndication formatters report malformed documents with a range of exception types.
            return SourceListing.Failed($"unreadable feed: {e.Message}");
        }
    }

    // One item with a date or link nobody can parse must not lose the whole feed: the date becomes
    // unknown, the link is dropped with its item.
    private static bool LenientDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        value = MetadataDates.Parse(data.DateTimeString) ?? default;
        return true;
    }

    private static bool LenientUri(XmlUriData data, out Uri? value)
    {
        if (!Uri.TryCreate(data.UriString?.Trim(), data.UriKind, out value)) value = InvalidLink;
        return true;
    }

    private static readonly Uri InvalidLink = new("about:invalid");

    private static List<SourceItem> ItemsOf(SyndicationFeed feed, Uri sourceUrl)
    {
        var items = new List<SourceItem>();
        foreach (var item in feed.Items.Take(MaxItems))
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri ?? item.Links.FirstOrDefault()?.Uri;
            if (link is null && Uri.TryCreate(item.Id, UriKind.Absolute, out var idUrl)) link = idUrl;
            if (link is null) continue;
            if (!link.IsAbsoluteUri) link = new Uri(feed.BaseUri ?? sourceUrl, link);
            if (!UrlKeys.TryParseHttpUrl(link.AbsoluteUri, out var url)) continue;
            DateTimeOffset? updated = item.LastUpdatedTime != default ? item.LastUpdatedTime : null;
            DateTimeOffset? published = item.PublishDate != default ? item.PublishDate : updated;
            items.Add(new SourceItem(url, item.Title?.Text, published) { UpdatedAt = updated });
        }
        return items;
    }

    private static SourceListing ReadRdf(string xml, Uri sourceUrl)
    {
        using var reader = XmlReader.Create(new StringReader(xml), SafeSettings());
        var document = XDocument.Load(reader);
        var items = new List<SourceItem>();
        foreach (var item in document.Root!.Elements().Where(e => e.Name.LocalName == "item").Take(MaxItems))
        {
            var link = item.Elements().FirstOrDefault(e => e.Name.LocalName == "link")?.Value.Trim()
                ?? item.Attributes().FirstOrDefault(a => a.Name.LocalName == "about")?.Value;
            if (link is null || !Uri.TryCreate(sourceUrl, link, out var absolute) || !UrlKeys.TryParseHttpUrl(absolute.AbsoluteUri, out var url)) continue;
            var title = item.Elements().FirstOrDefault(e => e.Name.LocalName == "title")?.Value.Trim();
            var date = item.Elements().FirstOrDefault(e => e.Name.LocalName == "date")?.Value;
            items.Add(new SourceItem(url, title, MetadataDates.Parse(date)));
        }
        return new SourceListing(SourceFormat.Rdf, items, null);
    }

    /// <summary>A sitemap (with the news extension's publication dates) or a sitemap index.</summary>
    private static SourceListing ReadSitemap(string xml, Uri sourceUrl)
    {
        using var reader = XmlReader.Create(new StringReader(xml), SafeSettings());
        var document = XDocument.Load(reader);
        var root = document.Root!;
        var isIndex = root.Name.LocalName == "sitemapindex";
        var entries = new List<SourceItem>();
        foreach (var entry in root.Elements().Where(e => e.Name.LocalName is "url" or "sitemap").Take(MaxItems * 10))
        {
            var loc = Child(entry, "loc")?.Value.Trim();
            if (loc is null || !Uri.TryCreate(sourceUrl, loc, out var absolute) || !UrlKeys.TryParseHttpUrl(absolute.AbsoluteUri, out var url)) continue;
            var news = entry.Elements().FirstOrDefault(e => e.Name.LocalName == "news");
            var modified = MetadataDates.Parse(Child(entry, "lastmod")?.Value);
            var published = MetadataDates.Parse(news is null ? null : Child(news, "publication_date")?.Value) ?? modified;
            var title = news is null ? null : Child(news, "title")?.Value.Trim();
            entries.Add(new SourceItem(url, title, published) { UpdatedAt = modified });
        }
        return isIndex
            ? new SourceListing(SourceFormat.SitemapIndex, [], null) { Sitemaps = entries }
            : new SourceListing(SourceFormat.Sitemap, entries.Take(MaxItems * 10).ToList(), null);
    }

    private static XElement? Child(XElement element, string localName) => element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static SourceListing ReadUrlList(string text, Uri sourceUrl)
    {
        var items = new List<SourceItem>();
        var rejected = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            // Absolute URLs, or paths on the source's site; anything else (prose, other schemes) is not a list entry.
            var looksLikeUrl = !line.Any(char.IsWhiteSpace) && (line.Contains("://", StringComparison.Ordinal) || line.StartsWith('/'));
            if (looksLikeUrl && Uri.TryCreate(sourceUrl, line, out var absolute) && UrlKeys.TryParseHttpUrl(absolute.AbsoluteUri, out var url))
                items.Add(new SourceItem(url, null, null));
            else
                rejected++;
            if (items.Count >= MaxItems) break;
        }
        if (items.Count == 0)
            return SourceListing.Failed(rejected > 0 ? "the source is neither a feed nor a list of http(s) URLs" : "the source is empty");
        return new SourceListing(SourceFormat.UrlList, items, null, rejected > 0 ? $"{rejected} lines were not http(s) URLs and were ignored" : null);
    }

    /// <summary>A readable one-line description of a listing, for progress output.</summary>
    public static string Describe(SourceListing listing)
    {
        var builder = new StringBuilder();
        builder.Append(listing.Format?.ToString() ?? "unreadable").Append(", ").Append(listing.Items.Count).Append(" items");
        if ((listing.Error ?? listing.Warning) is { } note) builder.Append(" (").Append(note).Append(')');
        return builder.ToString();
    }
}
