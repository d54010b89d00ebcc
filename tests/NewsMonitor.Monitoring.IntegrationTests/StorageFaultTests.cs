using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Monitoring.Processing;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>Storage going away mid-cycle, and the same queue message delivered twice at once, on a real Azurite.</summary>
public sealed class StorageFaultTests : IAsyncLifetime
{
    // Its own Azurite: this test stops it.
    private readonly AzuriteServer _azurite = new();
    private readonly NewsSite _site = new();

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        await _site.InitializeAsync();
        _site.Map("/hook", context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
    }

    private IHost Host(bool scaleOut = false)
    {
        var settings = NewsMonitorHost.LoopbackSettings(connection: _azurite.ConnectionString);
        settings[NewsMonitorSettings.WatchSpeakers] = "Sun Weimin";
        settings[NewsMonitorSettings.AlertWebhook] = _site.Url("/hook").AbsoluteUri;
        settings["NewsMonitor:MaxParallelArticles"] = "1";
        settings["NewsMonitor:Storage:Retries"] = "1";
        settings["NewsMonitor:Storage:RetryDelay"] = "00:00:00.100";
        return scaleOut ? NewsMonitorHost.BuildScaledOut(settings) : NewsMonitorHost.Build(settings);
    }

    private static string Article(string quote) => $"""
        <html lang="en"><head><title>Cyber office briefing</title></head><body><article><h1>Cyber office briefing</h1>
        <p>Officials gave a briefing on Tuesday about the coming year and the plans of the administration for it.</p>
        <p>“{quote},” said Sun Weimin, head of the administration’s cybersecurity coordination office.</p>
        <p>The briefing lasted an hour and ended with questions from reporters about the budget and staffing.</p>
        </article></body></html>
        """;

    private async Task<List<string>> Names(string container)
    {
        var names = new List<string>();
        await foreach (var blob in new BlobServiceClient(_azurite.ConnectionString).GetBlobContainerClient(container).GetBlobsAsync()) names.Add(blob.Name);
        return names;
    }

    [Fact]
    public async Task Azurite_stopped_mid_cycle_and_restarted_loses_nothing_and_duplicates_nothing()
    {
        var first = _site.Serve("/2022/11/07/first", Article("We will open two regional offices next year"));
        var stopped = 0;
        var second = _site.Map("/2022/11/07/second", async context =>
        {
            if (Interlocked.Exchange(ref stopped, 1) == 0) await _azurite.StopAsync(); // storage goes away while this article is fetched
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync(Article("Training budgets will double for every province"));
        });
        var third = _site.Serve("/2022/11/07/third", Article("Every ministry will name a security officer by March"));
        // Newest first: first, second, third.
        var feed = _site.ServeRss("/feed.xml", third, second, first);
        using var host = Host();

        var broken = await host.Get<MonitoringCycle>().RunAsync([feed]);

        Assert.Equal(1, broken.ArticlesNew);
        Assert.Equal(2, broken.ArticlesFailed);
        Assert.Single(_site.RequestsTo("/hook"));

        await _azurite.RestartAsync();
        var repaired = await host.Get<MonitoringCycle>().RunAsync([feed]);

        Assert.Equal((2, 0), (repaired.ArticlesNew, repaired.ArticlesFailed));
        Assert.Equal(3, (await Names("articles")).Count);
        Assert.Equal(3, (await Names("statements")).Count);
        var hooks = _site.RequestsTo("/hook").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("statement").GetProperty("text").GetString()).ToList();
        Assert.Equal(3, hooks.Count);
        Assert.Equal(3, hooks.Distinct().Count());
        // A third cycle finds nothing new and sends nothing.
        var quiet = await host.Get<MonitoringCycle>().RunAsync([feed]);
        Assert.Equal((0, 0, 0), (quiet.ArticlesNew, quiet.ArticlesFailed, quiet.Alerts));
        Assert.Equal(3, _site.RequestsTo("/hook").Count);
    }

    [Fact]
    public async Task The_same_queue_message_handled_twice_at_once_stores_one_article_and_sends_one_alert()
    {
        var url = _site.Serve("/2022/11/07/once", Article("We will hire four hundred analysts"));
        using var host = Host(scaleOut: true);
        var queues = host.Get<MonitoringQueues>();
        var message = QueueMessages.Serialize(new ArticleMessage(url.AbsoluteUri, null));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => queues.ProcessArticleAsync(message))));
        var late = await queues.ProcessArticleAsync(message);

        Assert.Equal(ArticleStatus.AlreadySeen, late.Status);
        Assert.Contains(outcomes, o => o.Status == ArticleStatus.New);
        Assert.Single(await Names("articles"));
        Assert.Single(await Names("statements"));
        Assert.Single(await Names("alerts"));
        Assert.Single(_site.RequestsTo("/hook"));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
