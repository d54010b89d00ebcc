using System.Text;
using NewsMonitor.Monitoring.Sources;

namespace NewsMonitor.Monitoring.IntegrationTests;

public sealed class SourceReaderTests
{
    private static readonly Uri Source = new("https://news.example/feeds/world.xml");

    private static SourceListing Read(string body, string? contentType = "application/xml") => SourceReader.Read(Encoding.UTF8.GetBytes(body), contentType, Source);

    [Fact]
    public void Rss_items_become_absolute_article_urls_with_dates()
    {
        var listing = Read("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>World</title><link>https://news.example/</link><description>d</description>
              <item><title>One</title><link>https://news.example/2022/11/07/one</link><pubDate>Mon, 07 Nov 2022 09:30:00 +0800</pubDate></item>
              <item><title>Two</title><link>https://news.example/2022/11/07/two</link></item>
            </channel></rss>
            """);
        Assert.Null(listing.Error);
        Assert.Equal(SourceFormat.Rss, listing.Format);
        Assert.Equal(["https://news.example/2022/11/07/one", "https://news.example/2022/11/07/two"], listing.Items.Select(i => i.Url.AbsoluteUri));
        Assert.Equal(new DateTimeOffset(2022, 11, 7, 9, 30, 0, TimeSpan.FromHours(8)), listing.Items[0].PublishedAt);
    }

    [Fact]
    public void Atom_entries_use_their_alternate_links()
    {
        var listing = Read("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2022-11-07T10:00:00Z</updated>
              <entry><title>A</title><id>urn:a</id><updated>2022-11-07T10:00:00Z</updated>
                <link rel="alternate" href="https://news.example/a"/><link rel="enclosure" href="https://cdn.example/a.mp3"/></entry>
            </feed>
            """);
        Assert.Equal(SourceFormat.Atom, listing.Format);
        Assert.Equal("https://news.example/a", Assert.Single(listing.Items).Url.AbsoluteUri);
    }

    [Fact]
    public void Rss_1_0_rdf_items_are_read()
    {
        var listing = Read("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://news.example/"><title>t</title><link>https://news.example/</link></channel>
              <item rdf:about="https://news.example/r1"><title>R1</title><link>https://news.example/r1</link><dc:date>2022-11-07T10:00:00Z</dc:date></item>
            </rdf:RDF>
            """);
        Assert.Equal(SourceFormat.Rdf, listing.Format);
        Assert.Equal("https://news.example/r1", Assert.Single(listing.Items).Url.AbsoluteUri);
    }

    [Fact]
    public void A_plain_list_resolves_relative_urls_skips_comments_and_reports_bad_lines()
    {
        var listing = Read("# today\nhttps://news.example/a\n/b\n\nftp://news.example/c\n", "text/plain");
        Assert.Equal(SourceFormat.UrlList, listing.Format);
        Assert.Equal(["https://news.example/a", "https://news.example/b"], listing.Items.Select(i => i.Url.AbsoluteUri));
        Assert.Null(listing.Error);
        Assert.Contains("1 lines", listing.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_with_an_unparseable_date_or_link_does_not_lose_the_feed()
    {
        var listing = Read("""
            <rss version="2.0"><channel><title>t</title><link>https://news.example/</link><description>d</description>
              <item><title>Bad date</title><link>https://news.example/a</link><pubDate>yesterday-ish</pubDate></item>
              <item><title>Bad link</title><link>http://[broken</link></item>
              <item><title>Good</title><link>https://news.example/b</link><pubDate>Tue, 08 Nov 2022 10:00:00 GMT</pubDate></item>
            </channel></rss>
            """);
        Assert.Null(listing.Error);
        Assert.Equal(["https://news.example/a", "https://news.example/b"], listing.Items.Select(i => i.Url.AbsoluteUri));
        Assert.Null(listing.Items[0].PublishedAt);
    }

    [Fact]
    public void A_news_sitemap_gives_publication_dates()
    {
        var listing = Read("""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>https://news.example/2022/11/07/one</loc>
                <news:news><news:publication><news:name>N</news:name><news:language>en</news:language></news:publication>
                <news:publication_date>2022-11-07T09:30:00+08:00</news:publication_date><news:title>One</news:title></news:news></url>
              <url><loc>https://news.example/two</loc><lastmod>2022-11-06</lastmod></url>
            </urlset>
            """);
        Assert.Equal(SourceFormat.Sitemap, listing.Format);
        Assert.Equal(new DateTimeOffset(2022, 11, 7, 9, 30, 0, TimeSpan.FromHours(8)), listing.Items[0].PublishedAt);
        Assert.Equal("One", listing.Items[0].Title);
        Assert.Equal(new DateTimeOffset(2022, 11, 6, 0, 0, 0, TimeSpan.Zero), listing.Items[1].PublishedAt);
    }

    [Fact]
    public void A_sitemap_index_lists_its_sitemaps()
    {
        var listing = Read("""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://news.example/sitemap-2022-11.xml</loc><lastmod>2022-11-07</lastmod></sitemap>
              <sitemap><loc>/sitemap-2022-10.xml</loc><lastmod>2022-10-31</lastmod></sitemap>
            </sitemapindex>
            """);
        Assert.Equal(SourceFormat.SitemapIndex, listing.Format);
        Assert.Empty(listing.Items);
        Assert.Equal(["https://news.example/sitemap-2022-11.xml", "https://news.example/sitemap-2022-10.xml"], listing.Sitemaps.Select(s => s.Url.AbsoluteUri));
    }

    [Fact]
    public void A_listing_page_gives_the_article_links_on_the_same_site()
    {
        var listing = Read("""
            <!DOCTYPE html><html><body>
              <nav><a href="/">Home</a> <a href="/world/">World</a> <a href="/tag/china">China</a></nav>
              <a href="/2022/11/07/china-publishes-white-paper">China publishes white paper</a>
              <a href="https://www.news.example/world/europe/leaders-meet-in-brussels-to-discuss-energy">Leaders meet</a>
              <a href="/video/12345678">Video</a>
              <a href="https://elsewhere.example/2022/11/07/other-story">Elsewhere</a>
              <a href="/2022/11/07/china-publishes-white-paper#comments">Comments</a>
              <a href="javascript:void(0)">Menu</a>
            </body></html>
            """, "text/html");
        Assert.Equal(SourceFormat.Listing, listing.Format);
        Assert.Equal(
            ["https://news.example/2022/11/07/china-publishes-white-paper", "https://www.news.example/world/europe/leaders-meet-in-brussels-to-discuss-energy", "https://news.example/video/12345678"],
            listing.Items.Select(i => i.Url.AbsoluteUri));
        Assert.Equal("China publishes white paper", listing.Items[0].Title);
    }

    [Fact]
    public void A_sources_file_gives_per_source_options_and_names_what_is_wrong()
    {
        var sources = SourcesFile.Parse("""
            { "sources": [
              { "url": "https://news.example/sitemap.xml", "kind": "sitemap", "maxAge": "2d", "interval": "30m" },
              { "url": "https://news.example/world/", "kind": "listing", "include": ["/world/"], "exclude": ["/video/"] },
              // comments are allowed
              { "url": "https://news.example/urls.txt", "kind": "url-list" },
            ] }
            """);
        Assert.Equal(3, sources.Count);
        Assert.Equal((SourceKind.Sitemap, TimeSpan.FromDays(2), TimeSpan.FromMinutes(30)), (sources[0].Kind, sources[0].MaxAge!.Value, sources[0].Interval!.Value));
        Assert.True(sources[1].Accepts(new Uri("https://news.example/world/2022/11/07/a")));
        Assert.False(sources[1].Accepts(new Uri("https://news.example/world/video/2022/a")));
        Assert.False(sources[1].Accepts(new Uri("https://news.example/sport/2022/11/07/a")));
        Assert.Equal(SourceKind.UrlList, sources[2].Kind);

        Assert.Contains("sources[0].url", Assert.Throws<FormatException>(() => SourcesFile.Parse("""{"sources":[{"url":"ftp://x"}]}""")).Message, StringComparison.Ordinal);
        Assert.Contains("sources[0].kind", Assert.Throws<FormatException>(() => SourcesFile.Parse("""{"sources":[{"url":"https://x.example/","kind":"podcast"}]}""")).Message, StringComparison.Ordinal);
        Assert.Contains("sources[0].maxAge", Assert.Throws<FormatException>(() => SourcesFile.Parse("""{"sources":[{"url":"https://x.example/","maxAge":"soon"}]}""")).Message, StringComparison.Ordinal);
        Assert.Contains("sources[0].include[0]", Assert.Throws<FormatException>(() => SourcesFile.Parse("""{"sources":[{"url":"https://x.example/","include":["("]}]}""")).Message, StringComparison.Ordinal);
        Assert.Contains("maxage", Assert.Throws<FormatException>(() => SourcesFile.Parse("""{"sources":[{"url":"https://x.example/","maxage ":"1d"}]}""")).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void External_entities_are_not_resolved()
    {
        var listing = Read("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>&xxe;</title><link>https://news.example/</link><description>d</description></channel></rss>
            """);
        Assert.NotNull(listing.Error);
        Assert.Empty(listing.Items);
    }

    [Fact]
    public void Entity_expansion_bombs_are_refused()
    {
        var listing = Read("""
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
            <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
            """);
        Assert.StartsWith("malformed feed", listing.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><a href='/about'>About</a><a href='https://other.example/2022/11/07/x'>X</a></body></html>", "nothing that looks like an article")]
    [InlineData("<rss version=\"2.0\"><channel><item><link>https://news.example/a</link>", "malformed feed")]
    [InlineData("<rss><channel><item>", "unreadable feed")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "unrecognised XML")]
    [InlineData("just some words", "neither a feed nor a list")]
    [InlineData("", "empty")]
    public void Unreadable_sources_say_why(string body, string reason)
    {
        var listing = Read(body);
        Assert.Contains(reason, listing.Error, StringComparison.Ordinal);
        Assert.Empty(listing.Items);
    }
}
