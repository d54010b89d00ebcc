namespace NewsMonitor.Monitoring.IntegrationTests;

public sealed class UrlKeysTests
{
    [Fact]
    public void Tracking_parameters_fragments_case_and_default_ports_do_not_change_the_key()
    {
        var plain = new Uri("https://news.example/2022/11/07/story?id=7");
        var tracked = new Uri("HTTPS://News.Example:443/2022/11/07/story?utm_source=rss&id=7&fbclid=abc#comments");
        Assert.Equal(UrlKeys.KeyOf(plain), UrlKeys.KeyOf(tracked));
        Assert.Equal("https://news.example/2022/11/07/story?id=7", UrlKeys.Normalise(tracked).AbsoluteUri);
    }

    [Fact]
    public void Different_articles_have_different_keys_of_32_hex_characters()
    {
        var a = UrlKeys.KeyOf(new Uri("https://news.example/a"));
        var b = UrlKeys.KeyOf(new Uri("https://news.example/b"));
        Assert.NotEqual(a, b);
        Assert.Matches("^[0-9a-f]{32}$", a);
    }

    [Theory]
    [InlineData("ftp://news.example/a")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:secret@news.example/")]
    [InlineData("/relative/path")]
    [InlineData("")]
    public void Only_plain_http_urls_are_accepted(string value) => Assert.False(UrlKeys.TryParseHttpUrl(value, out _));
}
