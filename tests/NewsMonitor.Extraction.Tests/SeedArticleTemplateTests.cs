namespace NewsMonitor.Extraction.Tests;

/// <summary>The seed article, published in three very different page templates, must come out the same.</summary>
public sealed class SeedArticleTemplateTests
{
    private readonly ArticleExtractor _extractor = new();

    public static TheoryData<string, string> Templates => new()
    {
        { "observer-wordpress.html", "https://apobserver.example/2022/11/07/china-publishes-white-paper-explaining-its-vision-for-the-internet/?utm_source=rss" },
        { "ledger-newsroom.html", "https://dailyledger.example/tech/2022/11/07/china-internet-white-paper" },
        { "newswire-legacy.html", "http://www.cnwire.example/china/2022-11/07/content_889.htm" },
    };

    private Article Extract(string file, string url)
    {
        var result = _extractor.Extract(SeedSite.Bytes(file), contentType: null, url);
        Assert.True(result.IsSuccess, $"{file}: {result.Status} {result.Reason}");
        return result.Article!;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Seed_article_keeps_all_eleven_paragraphs_in_order(string file, string url)
    {
        var article = Extract(file, url);
        var (_, expected) = SeedSite.Expected();
        Assert.Equal(expected, article.Paragraphs);
        Assert.Equal(string.Join("\n\n", expected), article.Text);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Seed_article_drops_the_follow_line_and_the_comment_form(string file, string url)
    {
        var article = Extract(file, url);
        Assert.DoesNotContain(SeedSite.FollowLine, article.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SeedSite.LeaveAComment, article.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Facebook", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Seed_article_title_has_no_site_name(string file, string url)
    {
        var article = Extract(file, url);
        Assert.Equal(SeedSite.Expected().Title, article.Title);
    }

    [Fact]
    public void Wordpress_page_metadata_comes_from_meta_tags_and_canonical_link()
    {
        var article = Extract("observer-wordpress.html", "https://apobserver.example/2022/11/07/china-publishes-white-paper-explaining-its-vision-for-the-internet/?utm_source=rss");
        Assert.Equal("https://apobserver.example/2022/11/07/china-publishes-white-paper-explaining-its-vision-for-the-internet/", article.CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2022, 11, 7, 9, 30, 0, TimeSpan.FromHours(8)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(8), article.PublishedAt!.Value.Offset);
        Assert.Equal("Li Wen", article.Byline);
        Assert.Equal("en", article.Language);
        Assert.Equal("Asia Pacific Observer", article.SiteName);
        Assert.Equal("meta:article:published_time", article.Signals["publishedAt"]);
        Assert.Equal("link-canonical", article.Signals["canonicalUrl"]);
    }

    [Fact]
    public void Newsroom_page_metadata_comes_from_json_ld()
    {
        var article = Extract("ledger-newsroom.html", "https://dailyledger.example/tech/2022/11/07/china-internet-white-paper?ref=home");
        Assert.Equal("https://dailyledger.example/tech/2022/11/07/china-internet-white-paper", article.CanonicalUrl);
        Assert.Equal(new DateTimeOffset(2022, 11, 7, 10, 15, 0, TimeSpan.FromHours(8)), article.PublishedAt);
        Assert.Equal(new DateTimeOffset(2022, 11, 7, 12, 40, 0, TimeSpan.FromHours(8)), article.ModifiedAt);
        Assert.Equal("Wang Lei", article.Byline);
        Assert.Equal("json-ld", article.Signals["byline"]);
        Assert.Equal("json-ld", article.Signals["publishedAt"]);
        Assert.Equal("The Daily Ledger", article.SiteName);
        Assert.Equal("https://images.dailyledger.example/2022/11/07/cyberspace-1600.jpg", article.ImageUrl);
    }

    [Fact]
    public void Legacy_windows_1252_page_decodes_curly_quotes_and_takes_the_date_from_meta()
    {
        var article = Extract("newswire-legacy.html", "http://www.cnwire.example/china/2022-11/07/content_889.htm");
        Assert.Contains("“With the rapid growth of information technology", article.Text, StringComparison.Ordinal);
        Assert.Contains("China’s vision", article.Text, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2022, 11, 7, 0, 0, 0, TimeSpan.Zero), article.PublishedAt);
        Assert.Equal("title-tag", article.Signals["title"]);
    }
}
