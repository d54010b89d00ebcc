using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Monitoring.Fetching;
using NewsMonitor.Monitoring.Processing;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>
/// The web misbehaving, against whole cycles: each case checks what was stored, what was recorded as
/// failed and why, and what alerted.
/// </summary>
public sealed class FaultSuiteTests : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly TempFolder _folder = new();

    public Task InitializeAsync() => _site.InitializeAsync();

    private IHost Host(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = NewsMonitorHost.LoopbackSettings(_folder.Path);
        // Short enough to keep hanging cases quick, long enough that robots.txt from a cold loopback server on a
        // busy CI machine is never late (a late robots.txt defers the host, which these tests would misread).
        settings["NewsMonitor:Fetch:AttemptTimeout"] = "00:00:05";
        settings["NewsMonitor:Fetch:Retries"] = "1";
        settings[NewsMonitorSettings.WatchSpeakers] = "Sun Weimin";
        settings[NewsMonitorSettings.AlertWebhook] = _site.Url("/hook").AbsoluteUri;
        configure?.Invoke(settings);
        return NewsMonitorHost.Build(settings);
    }

    private static byte[] Seed(string file = "observer-wordpress.html") => File.ReadAllBytes(RepositoryPaths.SeedSite(file));

    private static async Task<List<FailureRecord>> Failures(IHost host)
    {
        var failures = new List<FailureRecord>();
        await foreach (var failure in host.Get<ArticleStore>().ReadFailuresAsync()) failures.Add(failure);
        return failures;
    }

    private async Task<int> Count(string container)
    {
        var count = 0;
        await foreach (var _ in new LocalFolderBlobStore(_folder.Path).ListAsync(container)) count++;
        return count;
    }

    [Fact]
    public async Task Reset_connections_and_trickled_bodies_fail_with_their_reason_and_the_good_article_is_stored()
    {
        _site.Map("/hook", context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        var reset = _site.Map("/reset", context => { context.Abort(); return Task.CompletedTask; });
        var trickle = _site.Map("/trickle", async context =>
        {
            context.Response.ContentType = "text/html";
            for (var i = 0; i < 40; i++)
            {
                await context.Response.WriteAsync("<p>", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(250, context.RequestAborted);
            }
        });
        var good = _site.Serve("/good", Seed(), "text/html; charset=utf-8");
        using var host = Host(s => s["NewsMonitor:Fetch:AttemptTimeout"] = "00:00:03"); // the trickle takes 10 s

        var summary = await host.Get<MonitoringCycle>().RunAsync([_site.ServeRss("/feed.xml", reset, trickle, good)]);

        Assert.Equal((1, 2), (summary.ArticlesNew, summary.ArticlesFailed));
        var failures = await Failures(host);
        Assert.Contains(failures, f => f.Url == reset.AbsoluteUri && f.Reason.StartsWith("request failed", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Url == trickle.AbsoluteUri && f.Reason.Contains("timed out", StringComparison.Ordinal));
        Assert.Equal(2, _site.RequestsTo("/hook").Count);
        Assert.Equal(1, await Count("articles"));
    }

    [Fact]
    public async Task Wrong_and_missing_charsets_still_give_the_right_text()
    {
        // UTF-8 bytes declared as ISO-8859-1, and windows-1252 bytes declared nowhere but in <meta>.
        var mislabelled = _site.Serve("/mislabelled", Seed(), "text/html; charset=iso-8859-1");
        var legacy = _site.Serve("/legacy", Seed("newswire-legacy.html"), "text/html");
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");

        var summary = await host.Get<MonitoringCycle>().RunAsync([_site.ServeRss("/feed.xml", mislabelled, legacy)]);

        Assert.Equal(2, summary.ArticlesNew);
        foreach (var url in (Uri[])[mislabelled, legacy])
        {
            var stored = await host.Get<ArticleStore>().GetArticleAsync(UrlKeys.KeyOf(url));
            Assert.Contains("“With the rapid growth of information technology", stored!.Article.Text, StringComparison.Ordinal);
            Assert.Contains("China’s vision", stored.Article.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Robots_txt_disallow_skips_the_article_without_requesting_it_and_crawl_delay_sets_the_host_interval()
    {
        _site.Serve("/robots.txt", "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n\nUser-agent: OtherBot\nDisallow: /\n", "text/plain");
        var blocked = _site.Serve("/private/story", Seed(), "text/html");
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");

        var summary = await host.Get<MonitoringCycle>().RunAsync([_site.ServeRss("/feed.xml", blocked)]);

        Assert.Equal((0, 1), (summary.ArticlesNew, summary.ArticlesSkipped));
        Assert.Empty(_site.RequestsTo("/private/story"));
        Assert.Single(_site.RequestsTo("/robots.txt"));
        Assert.Contains(await Failures(host), f => f.Url == blocked.AbsoluteUri && f.Reason.StartsWith("disallowed by robots.txt", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromSeconds(2), host.Get<HostGate>().IntervalFor(_site.BaseUrl.Host));
    }

    [Fact]
    public async Task A_429_with_retry_after_pauses_that_host_only_and_defers_its_articles()
    {
        var limited = new NewsSite();
        await limited.InitializeAsync();
        try
        {
            // A second site on another port: a different host as far as pacing is concerned ("localhost" vs 127.0.0.1).
            var first = limited.Map("/one", context =>
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "120";
                return Task.CompletedTask;
            });
            var second = limited.Serve("/two", Seed(), "text/html");
            var other = _site.Serve("/other", Seed("ledger-newsroom.html"), "text/html");
            var localhost = new UriBuilder(first) { Host = "localhost" }.Uri;
            var localhostSecond = new UriBuilder(second) { Host = "localhost" }.Uri;
            using var host = Host(s =>
            {
                s[NewsMonitorSettings.AlertWebhook] = "";
                s["NewsMonitor:MaxParallelArticles"] = "1";
            });

            // Newest first: /one (429), then /two on the same host, then the other host's article.
            var summary = await host.Get<MonitoringCycle>().RunAsync([_site.ServeRss("/feed.xml", other, localhostSecond, localhost)]);

            Assert.Equal((1, 2, 0), (summary.ArticlesNew, summary.ArticlesDeferred, summary.ArticlesFailed));
            Assert.Single(limited.RequestsTo("/one"));
            Assert.Empty(limited.RequestsTo("/two")); // paused: not asked at all
            Assert.NotNull(host.Get<HostGate>().PausedUntil("localhost"));
            Assert.Null(host.Get<HostGate>().PausedUntil(_site.BaseUrl.Host));
            Assert.Contains("deferred", summary.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await limited.DisposeAsync();
        }
    }

    [Fact]
    public async Task Hostile_feeds_fail_as_sources_with_their_reason_and_nothing_is_fetched_from_them()
    {
        var xxe = _site.Serve("/xxe.xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title><item><link>" + _site.Url("/a") + "</link></item></channel></rss>", "application/rss+xml");
        var laughs = _site.Serve("/laughs.xml", "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><rss version=\"2.0\"><channel><title>&c;</title></channel></rss>", "application/rss+xml");
        var binary = _site.Serve("/binary.xml", new byte[] { 0x1F, 0x8B, 0x00, 0xFF, 0x00, 0x10 }, "application/xml");
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");

        var summary = await host.Get<MonitoringCycle>().RunAsync([xxe, laughs, binary]);

        Assert.Equal((3, 3, 0), (summary.Sources, summary.SourcesFailed, summary.ArticlesNew));
        var failures = await Failures(host);
        Assert.Equal(3, failures.Count(f => f.Stage == "source"));
        Assert.Empty(_site.RequestsTo("/a"));
    }

    [Fact]
    public async Task A_news_sitemap_index_is_followed_to_its_newest_sitemaps_and_old_entries_are_skipped()
    {
        var fresh = _site.Serve("/2022/11/07/fresh-story", Seed(), "text/html");
        var old = _site.Serve("/2020/01/01/old-story", Seed("ledger-newsroom.html"), "text/html");
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        _site.Serve("/sitemap-news.xml", $"""
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
              <url><loc>{fresh}</loc><news:news><news:publication_date>{today}</news:publication_date></news:news></url>
              <url><loc>{old}</loc><lastmod>2020-01-01</lastmod></url>
            </urlset>
            """, "application/xml");
        _site.Serve("/sitemap-archive.xml", $"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>{_site.Url("/2019/archive-story")}</loc></url></urlset>", "application/xml");
        var index = _site.Serve("/sitemap.xml", $"""
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>{_site.Url("/sitemap-news.xml")}</loc><lastmod>{today}</lastmod></sitemap>
              <sitemap><loc>{_site.Url("/sitemap-archive.xml")}</loc><lastmod>2019-06-01</lastmod></sitemap>
            </sitemapindex>
            """, "application/xml");
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");

        var summary = await host.Get<MonitoringCycle>().RunAsync([new Sources.SourceDefinition(index) { MaxAge = TimeSpan.FromDays(30) }]);

        Assert.Equal(1, summary.ArticlesNew);
        Assert.Single(_site.RequestsTo(fresh.AbsolutePath));
        Assert.Empty(_site.RequestsTo(old.AbsolutePath));
        Assert.Empty(_site.RequestsTo("/sitemap-archive.xml"));
    }

    [Fact]
    public async Task A_feed_is_asked_again_with_its_etag_and_a_304_lists_nothing()
    {
        var article = _site.Serve("/a", Seed(), "text/html");
        var body = Encoding.UTF8.GetBytes($"<rss version=\"2.0\"><channel><title>t</title><link>{_site.BaseUrl}</link><description>d</description><item><link>{article}</link></item></channel></rss>");
        var feed = _site.Map("/feed.xml", async context =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }
            context.Response.Headers.ETag = "\"v1\"";
            context.Response.ContentType = "application/rss+xml";
            await context.Response.Body.WriteAsync(body);
        });
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");
        var poller = host.Get<SourcePoller>();

        var first = await poller.PollAsync(feed);
        var second = await poller.PollAsync(feed);

        Assert.Single(first.NewArticles);
        Assert.True(second.NotModified);
        Assert.Empty(second.NewArticles);
        Assert.Equal("\"v1\"", _site.RequestsTo("/feed.xml")[^1].Headers["If-None-Match"]);
    }

    [Fact]
    public async Task A_source_with_an_interval_is_not_polled_again_before_it()
    {
        var feed = _site.ServeRss("/feed.xml", _site.Serve("/a", Seed(), "text/html"));
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");
        var source = new Sources.SourceDefinition(feed) { Interval = TimeSpan.FromHours(1) };

        await host.Get<SourcePoller>().PollAsync(source);
        var again = await host.Get<SourcePoller>().PollAsync(source);

        Assert.NotNull(again.NotDueUntil);
        Assert.Single(_site.RequestsTo("/feed.xml"));
    }

    [Fact]
    public async Task A_sources_file_in_the_store_is_read_with_its_options()
    {
        var kept = _site.Serve("/world/2022/11/07/kept-story", Seed(), "text/html");
        var excluded = _site.Serve("/world/video/2022/11/07/excluded-story", Seed("ledger-newsroom.html"), "text/html");
        var listing = _site.Serve("/world/", $"<html><body><a href=\"{kept.AbsolutePath}\">Kept</a><a href=\"{excluded.AbsolutePath}\">Excluded</a></body></html>", "text/html");
        await new LocalFolderBlobStore(_folder.Path).PutAsync(StoreLayout.ConfigContainer, StoreLayout.SourcesFileName,
            BinaryData.FromString($$"""{"sources": [{"url": "{{listing}}", "kind": "listing", "exclude": ["/video/"]}]}"""), "application/json");
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");

        var summary = await host.Get<MonitoringCycle>().RunAsync();

        Assert.Equal((1, 1), (summary.Sources, summary.ArticlesNew));
        Assert.Single(_site.RequestsTo(kept.AbsolutePath));
        Assert.Empty(_site.RequestsTo(excluded.AbsolutePath));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }
}
