using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Monitoring.Processing;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>
/// Articles that change after they were stored: the source dates the change (Atom updated, sitemap
/// lastmod), the article is read again, and a changed text becomes a new version whose new statements alone alert.
/// </summary>
public sealed class ArticleVersionTests : IAsyncLifetime
{
    private const string ArticlePath = "/observer/white-paper";
    private const string AddedParagraph = "<p>“We will review the paper again next spring,” Sun Weimin said on Tuesday.</p>";

    private readonly NewsSite _site = new();
    private readonly TempFolder _folder = new();
    private string _page = "";
    private DateTimeOffset _updated;

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        _page = File.ReadAllText(RepositoryPaths.SeedSite("observer-wordpress.html"));
        _updated = DateTimeOffset.UtcNow.AddDays(-1);
        _site.Map("/hook", context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        _site.ServeAtom("/atom.xml", () => [(_site.Url(ArticlePath), _updated)]);
    }

    private IHost Host(TimeSpan? minRevisitInterval = null)
    {
        var settings = NewsMonitorHost.LoopbackSettings(_folder.Path);
        settings[NewsMonitorSettings.WatchSpeakers] = "Sun Weimin";
        settings[NewsMonitorSettings.AlertWebhook] = _site.Url("/hook").AbsoluteUri;
        settings["NewsMonitor:MinRevisitInterval"] = (minRevisitInterval ?? TimeSpan.Zero).ToString();
        return NewsMonitorHost.Build(settings);
    }

    private void ServeArticle(bool withETag = false) => _site.Map(ArticlePath, context =>
    {
        var etag = $"\"{UrlKeys.Hash(_page)[..16]}\"";
        if (withETag)
        {
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(_page);
    });

    private void ChangeArticle()
    {
        var follow = _page.IndexOf("<p>Follow at", StringComparison.Ordinal);
        _page = _page.Insert(follow, AddedParagraph + "\n");
        _updated = DateTimeOffset.UtcNow;
    }

    private Uri Feed => _site.Url("/atom.xml");

    private string Key => UrlKeys.KeyOf(_site.Url(ArticlePath));

    private int HookCalls => _site.RequestsTo("/hook").Count;

    [Fact]
    public async Task A_changed_article_becomes_version_2_the_first_is_kept_and_only_the_new_statement_alerts()
    {
        ServeArticle();
        using var host = Host();
        var cycle = host.Get<MonitoringCycle>();
        var first = await cycle.RunAsync([Feed]);
        Assert.Equal(1, first.ArticlesNew);
        Assert.Equal(2, HookCalls);

        ChangeArticle();
        var second = await cycle.RunAsync([Feed]);

        Assert.Equal(0, second.ArticlesNew);
        Assert.Equal(1, second.ArticlesUpdated);
        Assert.Equal(1, second.Alerts);
        Assert.Equal(3, HookCalls);
        Assert.Contains("review the paper again", _site.RequestsTo("/hook")[^1].Body, StringComparison.Ordinal);

        var store = host.Get<ArticleStore>();
        var current = await store.GetArticleAsync(Key);
        Assert.Equal(2, current!.Version);
        Assert.Equal(12, current.Article.Paragraphs.Count);
        var earlier = await store.GetArticleVersionAsync(Key, 1);
        Assert.Equal(1, earlier!.Version);
        Assert.Equal(11, earlier.Article.Paragraphs.Count);
        Assert.DoesNotContain("review the paper again", earlier.Article.Text, StringComparison.Ordinal);
        Assert.True(await store.Blobs.ExistsAsync(StoreLayout.RawContainer, StoreLayout.RawVersionName(Key, 1)));

        var statements = await store.GetStatementsAsync(Key);
        var added = Assert.Single(statements!.Statements, s => s.Text.Contains("review the paper again", StringComparison.Ordinal));
        Assert.Equal("Sun Weimin", added.Speaker?.Name);
        Assert.Equal(earlier.Article.Statements.Count + 1, statements.Statements.Count);

        // The feed still dates the change, but it is older than our visit: nothing is fetched again.
        var third = await cycle.RunAsync([Feed]);
        Assert.Equal(0, third.ArticlesUpdated + third.ArticlesNew + third.ArticlesSeen);
        Assert.Equal(2, _site.RequestsTo(ArticlePath).Count);
    }

    [Fact]
    public async Task An_updated_date_on_an_unchanged_page_costs_a_304_and_stores_no_version()
    {
        ServeArticle(withETag: true);
        using var host = Host();
        var cycle = host.Get<MonitoringCycle>();
        await cycle.RunAsync([Feed]);

        _updated = DateTimeOffset.UtcNow;
        var second = await cycle.RunAsync([Feed]);

        Assert.Equal(1, second.ArticlesSeen);
        Assert.Equal(0, second.ArticlesUpdated);
        var revisit = _site.RequestsTo(ArticlePath)[^1];
        Assert.True(revisit.Headers.ContainsKey("If-None-Match"));
        Assert.Equal(1, (await host.Get<ArticleStore>().GetArticleAsync(Key))!.Version);
        Assert.Null(await host.Get<ArticleStore>().GetArticleVersionAsync(Key, 1));
        Assert.Equal(2, HookCalls);
    }

    [Fact]
    public async Task An_updated_date_with_the_same_text_stores_no_version()
    {
        ServeArticle();
        using var host = Host();
        var cycle = host.Get<MonitoringCycle>();
        await cycle.RunAsync([Feed]);
        _page = _page.Replace("</body>", "<!-- rendered again --></body>", StringComparison.Ordinal);
        _updated = DateTimeOffset.UtcNow;

        var second = await cycle.RunAsync([Feed]);

        Assert.Equal(1, second.ArticlesSeen);
        Assert.Equal(2, _site.RequestsTo(ArticlePath).Count);
        Assert.Equal(1, (await host.Get<ArticleStore>().GetArticleAsync(Key))!.Version);
        Assert.Null(await host.Get<ArticleStore>().GetArticleVersionAsync(Key, 1));
        Assert.Equal(2, HookCalls);
    }

    [Fact]
    public async Task A_recent_visit_holds_off_a_revisit_until_the_minimum_interval_has_passed()
    {
        ServeArticle();
        using var host = Host(minRevisitInterval: TimeSpan.FromHours(1));
        var cycle = host.Get<MonitoringCycle>();
        await cycle.RunAsync([Feed]);
        ChangeArticle();

        var second = await cycle.RunAsync([Feed]);

        Assert.Equal(0, second.ArticlesUpdated + second.ArticlesSeen);
        Assert.Single(_site.RequestsTo(ArticlePath));
    }

    [Fact]
    public async Task The_same_revisit_handled_twice_at_once_stores_one_version_and_alerts_once()
    {
        ServeArticle();
        using var host = Host();
        await host.Get<MonitoringCycle>().RunAsync([Feed]);
        ChangeArticle();
        var processor = host.Get<ArticleProcessor>();
        var url = _site.Url(ArticlePath);

        var outcomes = await Task.WhenAll(
            processor.ProcessAsync(url, Feed, _updated, CancellationToken.None),
            processor.ProcessAsync(url, Feed, _updated, CancellationToken.None));
        var again = await processor.ProcessAsync(url, Feed, _updated, CancellationToken.None);

        Assert.Single(outcomes, o => o.Status == ArticleStatus.Updated);
        Assert.Single(outcomes, o => o.Status == ArticleStatus.AlreadySeen);
        Assert.Equal(ArticleStatus.AlreadySeen, again.Status);
        Assert.Equal(2, (await host.Get<ArticleStore>().GetArticleAsync(Key))!.Version);
        Assert.Null(await host.Get<ArticleStore>().GetArticleVersionAsync(Key, 2));
        Assert.Equal(3, HookCalls);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }
}
