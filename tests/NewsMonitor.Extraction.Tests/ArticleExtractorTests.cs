using System.Text;

namespace NewsMonitor.Extraction.Tests;

/// <summary>
/// A regional news page with every kind of boilerplate a template wraps around an article, and the parts
/// of an article that look like boilerplate but are not (a list, a block quote, a sub-heading); then
/// pages that are broken, huge, binary or not articles at all.
/// </summary>
public sealed class ArticleExtractorTests
{
    private const string Url = "https://harbourtimes.example/news/2024/05/14/council-approves-flood-wall";

    private static readonly string[] Body =
    [
        "The city council on Tuesday approved a 40-million-euro flood wall along the harbour front, ending a two-year dispute over who should pay for it.",
        "Under the plan, the regional government will cover two thirds of the cost and the city the rest, spread over five annual budgets.",
        "Councillors listed three conditions before the vote:",
        "Construction must not close the ferry terminal during the summer season.",
        "Residents of the old quarter get a say in the wall's height and finish.",
        "The contract goes to open tender, with the bids published in full.",
        "What happens next",
        "Work is expected to start in the spring, once the tender has run, and to take three years.",
        "“This wall will protect the harbour for the next hundred years, and it will not be paid for by cutting schools,” the mayor, Ines Carvalho, told the council.",
        "Opposition councillors abstained, saying the cost estimate left out the pumping stations the wall will need behind it.",
    ];

    private static string Page(string extraBody = "") => $$"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <title>Council approves harbour flood wall | The Harbour Times</title>
          <link rel="canonical" href="{{Url}}">
          <meta property="og:site_name" content="The Harbour Times">
          <meta property="og:image" content="https://harbourtimes.example/img/flood-wall.jpg">
          <meta name="description" content="A 40-million-euro wall, paid two thirds by the region.">
          <meta property="article:published_time" content="2024-05-14T18:05:00+02:00">
          <meta name="author" content="Marta Sousa">
        </head>
        <body>
          <div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. By continuing to browse you accept our use of cookies.</p><button>Accept all</button></div>
          <header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
          <main>
            <article class="post">
              <h1>Council approves harbour flood wall</h1>
              <p class="byline">By <a href="/authors/marta-sousa" rel="author">Marta Sousa</a> · <time datetime="2024-05-14T18:05:00+02:00">14 May 2024</time></p>
              <div class="share-bar"><a href="https://twitter.com/share">Share on Twitter</a> <a href="https://facebook.com/sharer">Share on Facebook</a></div>
              <figure><img src="/img/flood-wall.jpg" alt=""><figcaption>An artist's impression of the wall. Photo: Harbour Design Studio</figcaption></figure>
              <div class="entry-content">
                <p>{{Body[0]}}</p>
                <div class="ad-slot advertisement"><span>Advertisement</span><iframe src="about:blank"></iframe></div>
                <p>{{Body[1]}}</p>
                <aside class="newsletter-signup"><h3>Morning briefing</h3><p>Sign up for our newsletter and get the day's news before breakfast.</p><form><input type="email"><button>Subscribe</button></form></aside>
                <p>{{Body[2]}}</p>
                <ul><li>{{Body[3]}}</li><li>{{Body[4]}}</li><li>{{Body[5]}}</li></ul>
                <div class="related-stories"><h4>Related stories</h4><ul><li><a href="/news/1">Harbour flooded for the third time this winter</a></li><li><a href="/news/2">Region promises money for coastal defences</a></li></ul></div>
                <h2>{{Body[6]}}</h2>
                <p>{{Body[7]}}</p>
                <blockquote><p>{{Body[8]}}</p></blockquote>
                <p>{{Body[9]}}</p>
                {{extraBody}}
                <p>Follow The Harbour Times on Twitter and Instagram @HarbourTimes and on Facebook @TheHarbourTimes. Send us a letter to the editor at letters@harbourtimes.example, or join the conversation in our readers' group.</p>
              </div>
              <div class="author-bio"><p>Marta Sousa covers city hall and the port for The Harbour Times. She joined the paper in 2015 after ten years at a news agency.</p></div>
              <div class="tags">Tags: <a href="/tag/flooding">flooding</a>, <a href="/tag/council">council</a></div>
            </article>
            <section id="comments" class="comments-area"><h3>Leave a Comment</h3><form class="comment-form"><textarea></textarea><button>Post Comment</button></form></section>
          </main>
          <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/a">Ferry fares rise again</a></li><li><a href="/b">New bakery opens on the quay</a></li></ol></aside>
          <footer class="site-footer"><p>© 2024 The Harbour Times. All rights reserved.</p></footer>
        </body>
        </html>
        """;

    private static Article Extract(string html)
    {
        var result = new ArticleExtractor().Extract(html, Url);
        Assert.True(result.IsSuccess, $"{result.Status}: {result.Reason}");
        return result.Article!;
    }

    [Fact]
    public void Keeps_the_article_with_its_list_quote_and_sub_heading_in_order_and_nothing_else()
    {
        Assert.Equal(Body, Extract(Page()).Paragraphs);
    }

    [Fact]
    public void Metadata_comes_with_the_signal_it_was_read_from()
    {
        var article = Extract(Page());
        Assert.Equal("Council approves harbour flood wall", article.Title);
        Assert.Equal("Marta Sousa", article.Byline);
        Assert.Equal(new DateTimeOffset(2024, 5, 14, 18, 5, 0, TimeSpan.FromHours(2)), article.PublishedAt);
        Assert.Equal(Url, article.CanonicalUrl);
        Assert.Equal("The Harbour Times", article.SiteName);
        Assert.Equal("en", article.Language); // the primary language subtag of lang="en-GB"
        Assert.Equal("https://harbourtimes.example/img/flood-wall.jpg", article.ImageUrl);
        Assert.Equal("A 40-million-euro wall, paid two thirds by the region.", article.Description);
        Assert.All(["title", "byline", "publishedAt", "canonicalUrl", "siteName", "language", "imageUrl", "description"],
            field => Assert.True(article.Signals.ContainsKey(field), $"no signal recorded for {field}"));
    }

    [Fact]
    public void Paragraph_text_never_glues_words_across_inline_and_block_boundaries()
    {
        var article = Extract(Page("<p>The tender opens on<br>1 June<span>, the council said</span>.</p>"));
        Assert.Contains("The tender opens on\n1 June, the council said.", article.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("windows-1252", "text/html; charset=windows-1252", "")]
    [InlineData("iso-8859-1", null, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">")]
    public void Legacy_charsets_from_the_header_or_meta_decode_accented_text(string charset, string? contentType, string meta)
    {
        var html = $"<html><head>{meta}<title>Café owners</title></head><body><article><h1>Café owners</h1>"
                   + "<p>Café owners on the Praça do Comércio say the façade works have cut their takings by half this spring.</p>"
                   + "<p>The council said the scaffolding would come down before the São João festival in June.</p></article></body></html>";
        var bytes = Encoding.Latin1.GetBytes(html); // the same bytes in both charsets for these letters
        var result = new ArticleExtractor().Extract(bytes, contentType, Url);
        Assert.True(result.IsSuccess, $"{charset}: {result.Status} {result.Reason}");
        Assert.StartsWith("Café owners on the Praça do Comércio say the façade", result.Article!.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_an_article_is_reported_as_such_not_as_random_text()
    {
        const string html = "<html><head><title>Sections | The Harbour Times</title></head><body><nav><a href='/news'>News</a> <a href='/sport'>Sport</a></nav>"
                            + "<ul class='teasers'><li><a href='/1'>Ferry fares rise again</a></li><li><a href='/2'>New bakery opens on the quay</a></li></ul>"
                            + "<footer>© 2024 The Harbour Times</footer></body></html>";
        var result = new ArticleExtractor().Extract(html, Url);
        Assert.Equal(ExtractionStatus.NoMainContent, result.Status);
        Assert.Null(result.Article);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void A_page_over_the_size_cap_is_refused_with_a_reason()
    {
        var extractor = new ArticleExtractor(new ArticleExtractorOptions { MaxHtmlChars = 10_000 });
        var result = extractor.Extract(Page(string.Concat(Enumerable.Repeat("<p>filler paragraph text</p>", 1000))), Url);
        Assert.Equal(ExtractionStatus.TooLarge, result.Status);
        Assert.Contains("10", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_bytes_are_not_html()
    {
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0 };
        Assert.Equal(ExtractionStatus.NotHtml, new ArticleExtractor().Extract(png, "image/png", Url).Status);
    }

    [Fact]
    public void Deeply_nested_and_unclosed_markup_still_gives_the_article()
    {
        var nested = string.Concat(Enumerable.Repeat("<div><span>", 5000));
        var html = $"<html><body>{nested}<article><h1>Council approves harbour flood wall</h1><p>{Body[0]}<p>{Body[1]}<p>{Body[7]}</article></body>";
        var article = Extract(html);
        Assert.Equal([Body[0], Body[1], Body[7]], article.Paragraphs);
    }
}
