using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Processing;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Functions.Tests;

/// <summary>
/// The function classes, resolved from the app's real container, driven by real queue messages in Azurite:
/// timer → poll-source queue → article queue → stored statements → HTTP API.
/// </summary>
[Collection(FunctionsAppGroup.Name)]
public sealed class FunctionsPipelineTests(AzuriteServer azurite) : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private IHost _host = null!;
    private Uri _feed = null!;

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        var article = _site.Serve("/observer/white-paper", File.ReadAllBytes(RepositoryPaths.SeedSite("observer-wordpress.html")), "text/html; charset=utf-8");
        _feed = _site.ServeRss("/feed.xml", article);
        _site.Map("/hook", context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        var settings = NewsMonitorHost.LoopbackSettings(connection: azurite.ConnectionString);
        settings[NewsMonitorSettings.Sources] = _feed.AbsoluteUri;
        settings[NewsMonitorSettings.WatchSpeakers] = "Qi Xiaoxia";
        settings[NewsMonitorSettings.AlertWebhook] = _site.Url("/hook").AbsoluteUri;
        settings["NewsMonitor:MinRevisitInterval"] = "00:00:00";
        _host = FunctionsApp.Build(settings);
        // Queues are shared with other tests in this collection: start empty.
        foreach (var name in (string[])[QueueNames.PollSource, QueueNames.ProcessArticle])
            await Queue(name).DeleteIfExistsAsync();
        // So are alert records, and each statement alerts once: forget the statements earlier tests alerted.
        var blobs = _host.Services.GetRequiredService<IBlobStore>();
        await foreach (var name in blobs.ListAsync(StoreLayout.AlertsContainer)) await blobs.DeleteAsync(StoreLayout.AlertsContainer, name);
    }

    private QueueClient Queue(string name) => new(azurite.ConnectionString, name);

    /// <summary>Receives the one message on a queue, decoded as the queue trigger decodes it (base64).</summary>
    private async Task<List<string>> Drain(string queue)
    {
        var client = Queue(queue);
        var bodies = new List<string>();
        foreach (var message in (await client.ReceiveMessagesAsync(32)).Value)
        {
            var raw = message.Body.ToString();
            bodies.Add(Encoding.UTF8.GetString(Convert.FromBase64String(raw)));
            await client.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }
        return bodies;
    }

    [Fact]
    public void Every_function_class_resolves_from_the_real_registration()
    {
        Assert.Equal(8, FunctionsApp.FunctionClasses.Count);
        foreach (var type in FunctionsApp.FunctionClasses)
            Assert.NotNull(ActivatorUtilities.CreateInstance(_host.Services, type));
        Assert.Equal(_feed.AbsoluteUri, Assert.Single(_host.Services.GetRequiredService<IOptions<NewsMonitorOptions>>().Value.Sources));
    }

    [Fact]
    public async Task Timer_to_queues_to_store_to_http_api_processes_the_seed_article()
    {
        await FunctionsApp.Create<ScheduleSourcePolls>(_host).Run(new TimerInfo(), CancellationToken.None);
        var pollMessage = Assert.Single(await Drain(QueueNames.PollSource));
        Assert.Equal(_feed.AbsoluteUri, JsonDocument.Parse(pollMessage).RootElement.GetProperty("sourceUrl").GetString());

        await FunctionsApp.Create<PollSource>(_host).Run(pollMessage, CancellationToken.None);
        var articleMessage = Assert.Single(await Drain(QueueNames.ProcessArticle));
        Assert.Equal(_site.Url("/observer/white-paper").AbsoluteUri, JsonDocument.Parse(articleMessage).RootElement.GetProperty("url").GetString());

        var process = FunctionsApp.Create<ProcessArticle>(_host);
        await process.Run(articleMessage, CancellationToken.None);
        await process.Run(articleMessage, CancellationToken.None); // at-least-once delivery: the same message again

        Assert.Single(_site.RequestsTo("/observer/white-paper"));
        Assert.Equal(3, _site.RequestsTo("/hook").Count); // Qi Xiaoxia: the mixed quote, the direct quote and "noting that", each alerted once

        var request = new DefaultHttpContext().Request;
        request.QueryString = new QueryString("?speaker=Qi%20Xiaoxia");
        var result = await FunctionsApp.Create<GetStatements>(_host).Run(request, CancellationToken.None);
        var content = Assert.IsType<ContentResult>(result);
        Assert.Equal(200, content.StatusCode);
        using var json = JsonDocument.Parse(content.Content!);
        // The store is shared with the other tests of the collection, and a statement is stored once with
        // every outlet that reported it: look at the statements this article is a source of.
        var ours = json.RootElement.GetProperty("statements").EnumerateArray()
            .Where(s => s.GetProperty("sources").EnumerateArray().Any(source => source.GetProperty("articleKey").GetString() == UrlKeys.KeyOf(_site.Url("/observer/white-paper")))).ToList();
        Assert.Equal(3, ours.Count);
        Assert.All(ours, s => Assert.Equal("head of the administration’s international cooperation office", s.GetProperty("speaker").GetProperty("role").GetString()));

        // The other read routes, through their function classes.
        var id = ours[0].GetProperty("id").GetString()!;
        var one = Assert.IsType<ContentResult>(await FunctionsApp.Create<GetStatement>(_host).Run(new DefaultHttpContext().Request, id, CancellationToken.None));
        using (var statement = JsonDocument.Parse(one.Content!))
            Assert.Contains(statement.RootElement.GetProperty("contexts").EnumerateArray(), c => c.GetProperty("paragraph").GetString()!.Contains(ours[0].GetProperty("text").GetString()!, StringComparison.Ordinal));
        Assert.IsType<NotFoundObjectResult>(await FunctionsApp.Create<GetStatement>(_host).Run(new DefaultHttpContext().Request, "nope", CancellationToken.None));
        var article = Assert.IsType<ContentResult>(await FunctionsApp.Create<GetArticle>(_host).Run(new DefaultHttpContext().Request, UrlKeys.KeyOf(_site.Url("/observer/white-paper")), CancellationToken.None));
        Assert.Contains("China publishes white paper", article.Content, StringComparison.Ordinal);
        var speakersRequest = new DefaultHttpContext().Request;
        speakersRequest.QueryString = new QueryString("?q=Qi");
        var speakers = Assert.IsType<ContentResult>(await FunctionsApp.Create<GetSpeakers>(_host).Run(speakersRequest, CancellationToken.None));
        using (var list = JsonDocument.Parse(speakers.Content!))
            Assert.Equal("qi-xiaoxia", list.RootElement.GetProperty("speakers")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_changed_article_dated_by_its_feed_goes_through_the_queue_again_and_becomes_version_2()
    {
        var page = await File.ReadAllTextAsync(RepositoryPaths.SeedSite("observer-wordpress.html"));
        var updated = DateTimeOffset.UtcNow.AddDays(-1);
        var article = _site.Map("/changing/white-paper", context => context.Response.WriteAsync(page));
        var atom = _site.ServeAtom("/atom.xml", () => [(article, updated)]);
        var poll = FunctionsApp.Create<PollSource>(_host);
        var process = FunctionsApp.Create<ProcessArticle>(_host);
        await poll.Run(QueueMessages.Serialize(new SourcePollMessage(atom.AbsoluteUri)), CancellationToken.None);
        await process.Run(Assert.Single(await Drain(QueueNames.ProcessArticle)), CancellationToken.None);
        Assert.Equal(3, _site.RequestsTo("/hook").Count);

        page = page.Replace("<p>Follow at", "<p>“There is still no reason for concern about the next paper,” Qi Xiaoxia said.</p><p>Follow at", StringComparison.Ordinal);
        updated = DateTimeOffset.UtcNow;
        await poll.Run(QueueMessages.Serialize(new SourcePollMessage(atom.AbsoluteUri)), CancellationToken.None);
        var revisit = Assert.Single(await Drain(QueueNames.ProcessArticle));
        Assert.True(JsonDocument.Parse(revisit).RootElement.TryGetProperty("updatedAt", out _));
        await process.Run(revisit, CancellationToken.None);
        await process.Run(revisit, CancellationToken.None); // delivered twice

        Assert.Equal(2, _site.RequestsTo("/changing/white-paper").Count); // the second delivery finds the change already read
        Assert.Equal(4, _site.RequestsTo("/hook").Count);
        Assert.Contains("next paper", _site.RequestsTo("/hook")[^1].Body, StringComparison.Ordinal);
        var store = _host.Services.GetRequiredService<ArticleStore>();
        var key = UrlKeys.KeyOf(article);
        Assert.Equal(2, (await store.GetArticleAsync(key))!.Version);
        Assert.Equal(1, (await store.GetArticleVersionAsync(key, 1))!.Version);
    }

    [Fact]
    public async Task A_malformed_message_fails_with_a_reason_so_the_host_can_poison_it()
    {
        var process = FunctionsApp.Create<ProcessArticle>(_host);
        var notJson = await Assert.ThrowsAsync<FormatException>(() => process.Run("not json", CancellationToken.None));
        Assert.Contains("ArticleMessage", notJson.Message, StringComparison.Ordinal);
        var badUrl = await Assert.ThrowsAsync<FormatException>(() => process.Run("""{"url":"file:///etc/passwd"}""", CancellationToken.None));
        Assert.Contains("'url'", badUrl.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_statements_api_answers_bad_parameters_with_400()
    {
        var request = new DefaultHttpContext().Request;
        request.QueryString = new QueryString("?since=last-tuesday");
        var result = await FunctionsApp.Create<GetStatements>(_host).Run(request, CancellationToken.None);
        var bad = Assert.IsType<BadRequestObjectResult>(result);
        Assert.Contains("since", Assert.IsType<ValidationProblemDetails>(bad.Value).Errors.Keys);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _site.DisposeAsync();
    }
}
