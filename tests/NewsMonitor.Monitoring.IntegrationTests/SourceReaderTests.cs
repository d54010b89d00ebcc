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
    [InlineData("<!DOCTYPE html><html><body><a href='/a'>A</a></body></html>", "an HTML page")]
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
