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
        _host = FunctionsApp.Build(settings);
        // Queues are shared with other tests in this collection: start empty.
        foreach (var name in (string[])[QueueNames.PollSource, QueueNames.ProcessArticle])
            await Queue(name).DeleteIfExistsAsync();
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
        Assert.Equal(4, FunctionsApp.FunctionClasses.Count);
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
        Assert.Equal(3, json.RootElement.GetProperty("count").GetInt32());
        Assert.All(json.RootElement.GetProperty("statements").EnumerateArray(),
            s => Assert.Equal("head of the administration’s international cooperation office", s.GetProperty("speaker").GetProperty("role").GetString()));
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
