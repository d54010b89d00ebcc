using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Monitoring.Alerts;
using NewsMonitor.Monitoring.Processing;
using NewsMonitor.Monitoring.Query;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>Whole monitoring cycles against a loopback news site, stored in a local folder.</summary>
public sealed class MonitoringCycleTests : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly TempFolder _folder = new();

    public Task InitializeAsync() => _site.InitializeAsync();

    private IHost Host(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = NewsMonitorHost.LoopbackSettings(_folder.Path);
        settings[NewsMonitorSettings.WatchSpeakers] = "Sun Weimin";
        settings[NewsMonitorSettings.AlertWebhook] = _site.Url("/hook").AbsoluteUri;
        configure?.Invoke(settings);
        return NewsMonitorHost.Build(settings);
    }

    private Uri ServeSeed(string path, string file) =>
        _site.Serve(path, File.ReadAllBytes(RepositoryPaths.SeedSite(file)), file.Contains("legacy", StringComparison.Ordinal) ? "text/html" : "text/html; charset=utf-8");

    private async Task<List<string>> Names(string container)
    {
        var names = new List<string>();
        await foreach (var name in new LocalFolderBlobStore(_folder.Path).ListAsync(container)) names.Add(name);
        return names;
    }

    [Fact]
    public async Task A_feed_cycle_stores_raw_page_article_and_statements_under_the_url_hash()
    {
        _site.Map("/hook", context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        var article = ServeSeed("/observer/white-paper", "observer-wordpress.html");
        var feed = _site.ServeRss("/feed.xml", article);
        using var host = Host();

        var summary = await host.Get<MonitoringCycle>().RunAsync([feed]);

        Assert.Equal(new CycleSummary(1, 0, 1, 0, 0, 0, 11, 2), summary);
        var key = UrlKeys.KeyOf(article);
        Assert.Equal([$"{key}.html"], await Names("raw"));
        Assert.Equal([$"{key}.json"], await Names("articles"));
        Assert.Equal([$"{key}.json"], await Names("statements"));
        var stored = await host.Get<ArticleStore>().GetArticleAsync(key);
        Assert.Equal("China publishes white paper explaining its vision for the Internet", stored!.Article.Title);
        Assert.Equal(11, stored.Article.Paragraphs.Count);
        Assert.Equal(feed.AbsoluteUri, stored.SourceUrl);
    }

    [Fact]
    public async Task A_second_cycle_fetches_nothing_already_processed()
    {
        _site.Map("/hook", context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        var article = ServeSeed("/observer/white-paper", "observer-wordpress.html");
        var feed = _site.ServeRss("/feed.xml", article);
        using var host = Host();
        await host.Get<MonitoringCycle>().RunAsync([feed]);

        var second = await host.Get<MonitoringCycle>().RunAsync([feed]);

        Assert.Equal(new CycleSummary(1, 0, 0, 0, 0, 0, 0, 0), second);
        Assert.Single(_site.RequestsTo("/observer/white-paper"));
        Assert.Single(_site.RequestsTo("/hook"), r => r.Body.Contains("In recent years", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tracking_variants_of_one_url_store_one_article()
    {
        var article = ServeSeed("/ledger/white-paper", "ledger-newsroom.html");
        var list = _site.Serve("/urls.txt", $"{article}?utm_source=rss\n{article}#comments\n{article}?utm_medium=email&fbclid=x\n", "text/plain");
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");

        var summary = await host.Get<MonitoringCycle>().RunAsync([list]);

        Assert.Equal(1, summary.ArticlesNew);
        Assert.Single(await Names("articles"));
        Assert.Single(_site.RequestsTo("/ledger/white-paper"));
    }

    [Fact]
    public async Task A_failing_article_is_recorded_with_its_reason_and_the_cycle_goes_on()
    {
        var good = ServeSeed("/good", "observer-wordpress.html");
        var broken = _site.Serve("/broken", "server error", status: 500);
        var notHtml = _site.Serve("/report.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46 }, "application/pdf");
        var feed = _site.ServeRss("/feed.xml", broken, good, notHtml);
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");

        var summary = await host.Get<MonitoringCycle>().RunAsync([feed]);

        Assert.Equal((1, 1, 1), (summary.ArticlesNew, summary.ArticlesFailed, summary.ArticlesSkipped));
        var failures = new List<FailureRecord>();
        await foreach (var failure in host.Get<ArticleStore>().ReadFailuresAsync()) failures.Add(failure);
        Assert.Contains(failures, f => f.Url == broken.AbsoluteUri && f.Stage == "fetch" && f.Reason.StartsWith("HTTP 500", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Url == notHtml.AbsoluteUri && f.Reason.Contains("application/pdf", StringComparison.Ordinal));
        // The failed article is retried next cycle; the skipped one is not.
        var next = await host.Get<MonitoringCycle>().RunAsync([feed]);
        Assert.Equal((0, 1, 0), (next.ArticlesNew, next.ArticlesFailed, next.ArticlesSkipped));
        Assert.Single(_site.RequestsTo("/report.pdf"));
    }

    [Fact]
    public async Task An_article_whose_storage_write_fails_is_recorded_with_the_reason_and_done_by_the_next_cycle()
    {
        var good = ServeSeed("/good", "observer-wordpress.html");
        var feed = _site.ServeRss("/feed.xml", good);
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");
        // A file where the index keeps its statements: every statement write fails, as a broken disk or share would.
        var blocked = Path.Combine(_folder.Path, "index", "statements");
        Directory.CreateDirectory(Path.GetDirectoryName(blocked)!);
        await File.WriteAllTextAsync(blocked, "in the way");

        var summary = await host.Get<MonitoringCycle>().RunAsync([feed]);

        Assert.Equal((0, 1), (summary.ArticlesNew, summary.ArticlesFailed));
        var failures = new List<FailureRecord>();
        await foreach (var failure in host.Get<ArticleStore>().ReadFailuresAsync()) failures.Add(failure);
        var recorded = Assert.Single(failures);
        Assert.Equal((good.AbsoluteUri, "process"), (recorded.Url, recorded.Stage));
        Assert.False(string.IsNullOrWhiteSpace(recorded.Reason));

        File.Delete(blocked);
        var next = await host.Get<MonitoringCycle>().RunAsync([feed]);
        Assert.Equal((1, 0, 11), (next.ArticlesNew, next.ArticlesFailed, next.Statements));
    }

    [Fact]
    public async Task A_failing_source_is_recorded_and_the_other_sources_are_processed()
    {
        var good = ServeSeed("/good", "observer-wordpress.html");
        var feed = _site.ServeRss("/feed.xml", good);
        var broken = _site.Serve("/broken.xml", "<rss><channel><item>", "application/rss+xml");
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");

        var summary = await host.Get<MonitoringCycle>().RunAsync([broken, _site.Url("/missing.xml"), feed]);

        Assert.Equal((3, 2, 1), (summary.Sources, summary.SourcesFailed, summary.ArticlesNew));
        var failures = new List<FailureRecord>();
        await foreach (var failure in host.Get<ArticleStore>().ReadFailuresAsync()) failures.Add(failure);
        Assert.Contains(failures, f => f.Stage == "source" && f.Url.EndsWith("/broken.xml", StringComparison.Ordinal) && f.Reason.Contains("feed", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Stage == "source" && f.Reason.StartsWith("HTTP 404", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_same_quotes_from_three_outlets_alert_once_each()
    {
        _site.Map("/hook", context => { context.Response.StatusCode = 200; return Task.CompletedTask; });
        var feed = _site.ServeRss("/feed.xml",
            ServeSeed("/a", "observer-wordpress.html"), ServeSeed("/b", "ledger-newsroom.html"), ServeSeed("/c", "newswire-legacy.html"));
        using var host = Host();

        var summary = await host.Get<MonitoringCycle>().RunAsync([feed]);

        Assert.Equal(3, summary.ArticlesNew);
        Assert.Equal(2, summary.Alerts);
        var deliveries = _site.RequestsTo("/hook");
        Assert.Equal(2, deliveries.Count);
        foreach (var delivery in deliveries)
        {
            using var alert = JsonDocument.Parse(delivery.Body);
            Assert.Equal("Sun Weimin", alert.RootElement.GetProperty("statement").GetProperty("speaker").GetProperty("name").GetString());
            var stored = await StoredAlert(host, alert.RootElement.GetProperty("rule").GetProperty("id").GetString()!, alert.RootElement.GetProperty("statement").GetProperty("id").GetString()!);
            Assert.Equal(AlertDeliveryStatus.Delivered, Assert.Single(stored.Deliveries).Status);
            Assert.Equal(stored.Message.Id, delivery.Headers[AlertDispatcher.DeliveryHeader]);
        }
    }

    [Fact]
    public async Task A_webhook_that_fails_is_recorded_on_the_alert_and_fetch_errors_never_alert()
    {
        _site.Map("/hook", context => { context.Response.StatusCode = 500; return Task.CompletedTask; });
        var feed = _site.ServeRss("/feed.xml", ServeSeed("/a", "observer-wordpress.html"), _site.Url("/missing"));
        using var host = Host();

        var summary = await host.Get<MonitoringCycle>().RunAsync([feed]);

        Assert.Equal(2, summary.Alerts);
        var alerts = (await Names("alerts")).Where(n => !n.StartsWith(StoreLayout.FailedAlertsPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, alerts.Count);
        var rule = WatchRule.ForSpeaker("Sun Weimin").Id;
        Assert.All(alerts, name => Assert.StartsWith(rule + "/", name, StringComparison.Ordinal));
        var stored = await StoredAlert(host, rule, Path.GetFileNameWithoutExtension(alerts[0]));
        var delivery = Assert.Single(stored.Deliveries);
        Assert.Equal(AlertDeliveryStatus.Failed, delivery.Status);
        Assert.Contains("500", delivery.Error, StringComparison.Ordinal);
        Assert.Equal(5, delivery.Attempts); // the first and four retries
        Assert.Equal(10, _site.RequestsTo("/hook").Count);
        Assert.Equal(2, (await Names("alerts")).Count(n => n.StartsWith(StoreLayout.FailedAlertsPrefix, StringComparison.Ordinal)));
    }

    private static async Task<AlertRecord> StoredAlert(IHost host, string ruleId, string statementId)
    {
        var blob = await host.Get<IBlobStore>().GetAsync(StoreLayout.AlertsContainer, StoreLayout.AlertName(ruleId, statementId));
        return NewsMonitorJson.FromBinary<AlertRecord>(blob!.Content)!;
    }

    [Fact]
    public async Task Stored_statements_can_be_queried_by_speaker_text_and_date()
    {
        var feed = _site.ServeRss("/feed.xml", ServeSeed("/a", "observer-wordpress.html"));
        using var host = Host(s => s[NewsMonitorSettings.AlertWebhook] = "");
        await host.Get<MonitoringCycle>().RunAsync([feed]);
        var search = host.Get<StatementSearch>();

        var sun = (await search.SearchAsync(new StatementQuery(Speaker: "sun weimin"))).Statements;
        Assert.Equal(2, sun.Count);
        Assert.All(sun, hit => Assert.Equal("head of the administration’s cybersecurity coordination office", hit.Speaker!.Role));
        Assert.Equal("https://apobserver.example/2022/11/07/china-publishes-white-paper-explaining-its-vision-for-the-internet/", sun[0].Url);

        var concern = Assert.Single((await search.SearchAsync(new StatementQuery(Text: "no reason for concern"))).Statements);
        Assert.Equal("Qi Xiaoxia", concern.Speaker!.Name);
        Assert.Equal("mixed", concern.Kind);

        Assert.Empty((await search.SearchAsync(new StatementQuery(Since: new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.Zero)))).Statements);
        Assert.Equal(11, (await search.SearchAsync(new StatementQuery(Since: new DateTimeOffset(2022, 11, 7, 0, 0, 0, TimeSpan.Zero)))).Statements.Count);
    }

    [Theory]
    [InlineData("since=yesterday", "since")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=lots", "limit")]
    public async Task The_statements_api_rejects_bad_parameters_with_a_problem_naming_them(string queryString, string parameter)
    {
        using var host = Host();
        var query = new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString));
        var result = await host.Get<QueryApi>().GetStatementsAsync(query);
        var bad = Assert.IsType<Microsoft.AspNetCore.Mvc.BadRequestObjectResult>(result);
        var problem = Assert.IsType<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(bad.Value);
        Assert.True(problem.Errors.ContainsKey(parameter));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }
}
