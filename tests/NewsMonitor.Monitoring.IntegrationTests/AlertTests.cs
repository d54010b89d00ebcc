using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring.Alerts;
using NewsMonitor.Monitoring.Processing;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>Watch rules from a rules file, delivered to real receivers on the loopback site.</summary>
public sealed class AlertTests : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly TempFolder _folder = new();
    private Uri _feed = null!;

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        _feed = _site.ServeRss("/feed.xml", _site.Serve("/a", File.ReadAllBytes(RepositoryPaths.SeedSite("observer-wordpress.html")), "text/html; charset=utf-8"));
    }

    private IHost Host(string rules, Action<Dictionary<string, string?>>? configure = null)
    {
        var path = Path.Combine(_folder.Path, $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, rules);
        var settings = NewsMonitorHost.LoopbackSettings(Path.Combine(_folder.Path, "store"));
        settings[NewsMonitorSettings.RulesFile] = path;
        configure?.Invoke(settings);
        return NewsMonitorHost.Build(settings);
    }

    private static string Rules(string channels, string rules) => $$"""{"channels": { {{channels}} }, "rules": [ {{rules}} ]}""";

    private string Hook(string path) => $$"""{"type": "webhook", "url": "{{_site.Url(path)}}"}""";

    private static async Task<List<string>> Names(IHost host, string prefix)
    {
        var names = new List<string>();
        await foreach (var name in host.Get<IBlobStore>().ListAsync(StoreLayout.AlertsContainer, prefix)) names.Add(name);
        return names;
    }

    [Fact]
    public async Task A_webhook_that_fails_twice_then_succeeds_gets_exactly_one_delivery()
    {
        var calls = 0;
        _site.Map("/hook", context =>
        {
            context.Response.StatusCode = Interlocked.Increment(ref calls) <= 2 ? 503 : 200;
            return Task.CompletedTask;
        });
        using var host = Host(Rules($"\"ops\": {Hook("/hook")}", """{"id": "concern", "keywords": ["no reason for concern"], "channels": ["ops"]}"""));

        var summary = await host.Get<MonitoringCycle>().RunAsync([_feed]);

        Assert.Equal(1, summary.Alerts);
        var requests = _site.RequestsTo("/hook");
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.Headers[AlertDispatcher.DeliveryHeader]).Distinct());
        var record = NewsMonitorJson.FromBinary<AlertRecord>((await host.Get<IBlobStore>().GetAsync(StoreLayout.AlertsContainer, (await Names(host, "concern/"))[0]))!.Content)!;
        var delivery = Assert.Single(record.Deliveries);
        Assert.Equal(AlertDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(3, delivery.Attempts);
        Assert.Empty(await Names(host, StoreLayout.FailedAlertsPrefix));

        // The message again (at-least-once delivery): nothing more is sent.
        Assert.Equal(ArticleStatus.AlreadySeen, (await host.Get<ArticleProcessor>().ProcessAsync(_site.Url("/a"), _feed)).Status);
        Assert.Equal(3, _site.RequestsTo("/hook").Count);
    }

    [Fact]
    public async Task A_signed_webhook_carries_an_hmac_of_timestamp_and_body_under_the_secret_from_settings()
    {
        _site.Map("/signed", context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        using var host = Host(
            Rules($$"""
                "signed": {"type": "webhook", "url": "{{_site.Url("/signed")}}", "secretSetting": "OPS_HOOK_SECRET"}
                """, """{"id": "qi", "speaker": "Qi Xiaoxia", "kinds": ["direct"], "channels": ["signed"]}"""),
            s => s["OPS_HOOK_SECRET"] = "correct horse battery staple");

        await host.Get<MonitoringCycle>().RunAsync([_feed]);

        var request = Assert.Single(_site.RequestsTo("/signed"));
        var timestamp = request.Headers[AlertDispatcher.TimestampHeader];
        Assert.Equal(AlertDispatcher.Sign("correct horse battery staple", timestamp, request.Body), request.Headers[AlertDispatcher.SignatureHeader]);
        Assert.NotEqual(AlertDispatcher.Sign("wrong secret", timestamp, request.Body), request.Headers[AlertDispatcher.SignatureHeader]);
        using var body = JsonDocument.Parse(request.Body);
        var statement = body.RootElement.GetProperty("statement");
        Assert.Equal("China will follow the principle of opening up and its door will be opened wider", statement.GetProperty("text").GetString());
        Assert.Equal("head of the administration’s international cooperation office", statement.GetProperty("speaker").GetProperty("role").GetString());
        Assert.Equal("qi", body.RootElement.GetProperty("rule").GetProperty("id").GetString());
        var source = Assert.Single(body.RootElement.GetProperty("sources").EnumerateArray());
        Assert.Equal(body.RootElement.GetProperty("link").GetString(), source.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Slack_and_teams_channels_get_their_incoming_webhook_payloads()
    {
        _site.Map("/slack", context => context.Response.WriteAsync("ok"));
        _site.Map("/teams", context => { context.Response.StatusCode = 202; return Task.CompletedTask; });
        using var host = Host(Rules(
            $$"""
            "chat": {"type": "slack", "url": "{{_site.Url("/slack")}}"},
            "meetings": {"type": "teams", "url": "{{_site.Url("/teams")}}"}
            """,
            """{"id": "cao", "speaker": "Cao Shumin", "pattern": "^with the rapid growth", "channels": ["chat", "meetings"]}"""));

        await host.Get<MonitoringCycle>().RunAsync([_feed]);

        using var slack = JsonDocument.Parse(Assert.Single(_site.RequestsTo("/slack")).Body);
        Assert.StartsWith("Cao Shumin (deputy director of the Cyberspace Administration of China", slack.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        var section = slack.RootElement.GetProperty("blocks")[0].GetProperty("text").GetProperty("text").GetString();
        Assert.Contains(">With the rapid growth of information technology", section, StringComparison.Ordinal);
        using var teams = JsonDocument.Parse(Assert.Single(_site.RequestsTo("/teams")).Body);
        var attachment = teams.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        Assert.Contains("With the rapid growth", attachment.GetProperty("content").GetProperty("body")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://apobserver.example/", attachment.GetProperty("content").GetProperty("actions")[0].GetProperty("url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_that_keeps_failing_leaves_a_dead_letter_that_a_retry_clears()
    {
        var status = 500;
        _site.Map("/hook", context => { context.Response.StatusCode = status; return Task.CompletedTask; });
        using var host = Host(Rules($"\"ops\": {Hook("/hook")}", """{"id": "sun", "speaker": "Sun Weimin", "exclude": ["legal framework"], "channels": ["ops"]}"""));

        await host.Get<MonitoringCycle>().RunAsync([_feed]);
        var sender = host.Get<AlertSender>();
        var failed = new List<AlertRecord>();
        await foreach (var record in sender.ListFailedAsync()) failed.Add(record);

        var dead = Assert.Single(failed); // the "legal framework" statement is excluded
        Assert.StartsWith("In recent years", dead.Message.Statement.Text, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", dead.Deliveries[0].Error, StringComparison.Ordinal);

        status = 200;
        Assert.Equal(new AlertRetrySummary(1, 1, 0), await sender.RetryFailedAsync());
        Assert.Empty(await Names(host, StoreLayout.FailedAlertsPrefix));
        var delivered = NewsMonitorJson.FromBinary<AlertRecord>((await host.Get<IBlobStore>().GetAsync(StoreLayout.AlertsContainer, StoreLayout.AlertName("sun", dead.Message.Statement.Id)))!.Content)!;
        Assert.Equal(AlertDeliveryStatus.Delivered, delivered.Deliveries[0].Status);
        Assert.Equal(6, delivered.Deliveries[0].Attempts); // five that failed, one that got through
    }

    [Fact]
    public async Task An_alert_left_pending_by_a_crash_is_delivered_when_the_article_is_processed_again()
    {
        _site.Map("/hook", context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        using var host = Host(Rules($"\"ops\": {Hook("/hook")}", """{"id": "concern", "keywords": ["no reason for concern"], "channels": ["ops"]}"""));
        await host.Get<MonitoringCycle>().RunAsync([_feed]);
        var blobs = host.Get<IBlobStore>();
        var name = (await Names(host, "concern/"))[0];
        var record = NewsMonitorJson.FromBinary<AlertRecord>((await blobs.GetAsync(StoreLayout.AlertsContainer, name))!.Content)!;

        // As if the process died after creating the alert and before delivering it or marking the article seen.
        var pending = record with { Deliveries = [record.Deliveries[0] with { Status = AlertDeliveryStatus.Pending, Attempts = 0 }], UpdatedAt = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10) };
        await blobs.PutAsync(StoreLayout.AlertsContainer, name, NewsMonitorJson.ToBinary(pending), "application/json");
        await blobs.DeleteAsync(StoreLayout.StateContainer, StoreLayout.SeenUrlName(UrlKeys.KeyOf(_site.Url("/a"))));

        var again = await host.Get<MonitoringCycle>().RunAsync([_feed]);

        Assert.Equal(0, again.Alerts); // not a new alert: the pending one, delivered
        Assert.Equal(2, _site.RequestsTo("/hook").Count);
        var after = NewsMonitorJson.FromBinary<AlertRecord>((await blobs.GetAsync(StoreLayout.AlertsContainer, name))!.Content)!;
        Assert.Equal(AlertDeliveryStatus.Delivered, after.Deliveries[0].Status);

        // A pending record changed moments ago belongs to a delivery still in progress elsewhere: left alone.
        await blobs.PutAsync(StoreLayout.AlertsContainer, name, NewsMonitorJson.ToBinary(pending with { UpdatedAt = DateTimeOffset.UtcNow }), "application/json");
        await blobs.DeleteAsync(StoreLayout.StateContainer, StoreLayout.SeenUrlName(UrlKeys.KeyOf(_site.Url("/a"))));
        await host.Get<MonitoringCycle>().RunAsync([_feed]);
        Assert.Equal(2, _site.RequestsTo("/hook").Count);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>The queue channel, against Azurite.</summary>
[Collection(AzuriteFixtureGroup.Name)]
public sealed class AlertQueueTests(AzuriteServer azurite) : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly TempFolder _folder = new();

    public Task InitializeAsync() => _site.InitializeAsync();

    [Fact]
    public async Task A_queue_channel_gets_the_alert_message_as_json()
    {
        var queue = new QueueClient(azurite.ConnectionString, "newsmonitor-alerts-test");
        await queue.DeleteIfExistsAsync();
        var feed = _site.ServeRss("/feed.xml", _site.Serve("/a", File.ReadAllBytes(RepositoryPaths.SeedSite("observer-wordpress.html")), "text/html; charset=utf-8"));
        var rules = Path.Combine(_folder.Path, "rules.json");
        await File.WriteAllTextAsync(rules, """
            {"channels": {"pipeline": {"type": "queue", "queue": "newsmonitor-alerts-test"}},
             "rules": [{"id": "concern", "organization": "international cooperation office", "minConfidence": 0.5, "channels": ["pipeline"]}]}
            """);
        var settings = NewsMonitorHost.LoopbackSettings(Path.Combine(_folder.Path, "store"));
        settings[NewsMonitorSettings.Storage] = azurite.ConnectionString;
        settings[NewsMonitorSettings.RulesFile] = rules;
        using var host = NewsMonitorHost.Build(settings);

        var summary = await host.Get<MonitoringCycle>().RunAsync([feed]);

        var messages = (await queue.ReceiveMessagesAsync(32)).Value;
        Assert.Equal(summary.Alerts, messages.Length);
        Assert.True(messages.Length >= 2);
        foreach (var message in messages)
        {
            using var alert = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString())));
            Assert.Equal("Qi Xiaoxia", alert.RootElement.GetProperty("statement").GetProperty("speaker").GetProperty("name").GetString());
            Assert.StartsWith("concern/", alert.RootElement.GetProperty("id").GetString(), StringComparison.Ordinal);
        }
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }
}

/// <summary>Rules files and rules, without I/O.</summary>
public sealed class RulesFileTests
{
    private static readonly IConfiguration Settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SECRET"] = "s3cret" }).Build();

    [Theory]
    [InlineData("""{"rules": [{"id": "x", "speaker": "A", "channels": ["nowhere"]}]}""", "channel 'nowhere' is not defined")]
    [InlineData("""{"rules": [{"id": "x", "pattern": "(unclosed"}]}""", "\"pattern\" is not a usable regular expression")]
    [InlineData("""{"rules": [{"id": "x"}]}""", "would match every statement")]
    [InlineData("""{"rules": [{"id": "Bad Id", "speaker": "A"}]}""", "\"id\" must be")]
    [InlineData("""{"rules": [{"id": "x", "speaker": "A"}, {"id": "x", "keywords": ["b"]}]}""", "used twice")]
    [InlineData("""{"rules": [{"id": "x", "speaker": "A", "minConfidence": 2}]}""", "minConfidence")]
    [InlineData("""{"rules": [{"id": "x", "speaker": "A", "kinds": ["rumour"]}]}""", "\"kinds\"")]
    [InlineData("""{"rules": [{"id": "x", "spekaer": "A"}]}""", "spekaer")]
    [InlineData("""{"channels": {"ops": {"type": "webhook", "url": "https://h.example/", "secretSetting": "MISSING"}}}""", "'MISSING'")]
    [InlineData("""{"channels": {"ops": {"type": "pager", "url": "https://h.example/"}}}""", "\"type\" must be")]
    [InlineData("""{"channels": {"ops": {"type": "slack", "url": "file:///etc/passwd"}}}""", "\"url\" must be an http(s) URL")]
    [InlineData("""{"channels": {"q": {"type": "queue", "queue": "alerts"}}}""", "needs an Azure Storage connection")]
    [InlineData("""not json""", "not valid")]
    public void Mistakes_are_errors_that_say_where(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => RulesFile.Parse(json, Settings, queuesAvailable: false));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_file_gives_rules_and_channels_with_the_secret_from_settings()
    {
        var (rules, channels) = RulesFile.Parse("""
            // Comments are allowed.
            {"channels": {"ops": {"type": "webhook", "url": "https://hooks.example/a", "secretSetting": "SECRET"}},
             "rules": [{"id": "qi", "speaker": "Qi Xiaoxia", "keywords": ["opening up", "foreign"], "channels": ["ops"]},
                       {"pattern": "\\bwider\\b"}]}
            """, Settings, queuesAvailable: false);

        Assert.Equal("s3cret", channels["ops"].Secret);
        Assert.Equal(["qi", rules[1].Id], rules.Select(r => r.Id));
        Assert.StartsWith("rule-", rules[1].Id, StringComparison.Ordinal);
        Assert.Equal("speaker Qi Xiaoxia; keywords opening up, foreign", rules[0].Description);
    }

    private static StatementRecord Statement(string text, StatementKind kind = StatementKind.Direct, double confidence = 0.9, string? name = "Qi Xiaoxia", string? organization = "Cyberspace Administration of China") =>
        new(StatementIds.For(text), kind, text, name is null ? null : new Speaker(name, name, "head of the international cooperation office", organization), "said", 0, text.Length, confidence);

    [Fact]
    public void Every_condition_of_a_rule_must_hold()
    {
        var rule = new WatchRule("r")
        {
            Speaker = "Ms Qi",
            Organization = "Cyberspace Administration",
            Keywords = ["opening up", "investment"],
            Pattern = new System.Text.RegularExpressions.Regex(@"\bwider\b", System.Text.RegularExpressions.RegexOptions.NonBacktracking),
            Exclude = ["sports"],
            MinConfidence = 0.6,
            Kinds = [StatementKind.Direct, StatementKind.Mixed],
        };
        const string Text = "China will follow the principle of opening up and its door will be opened wider";

        Assert.True(rule.Matches(Statement(Text)));
        Assert.False(rule.Matches(Statement(Text, name: "Sun Weimin")));
        Assert.False(rule.Matches(Statement(Text, organization: "Ministry of Commerce") with { Speaker = new Speaker("Qi Xiaoxia", "Qi", null, "Ministry of Commerce") }));
        Assert.False(rule.Matches(Statement("China will follow the principle of reform and its door will be opened wider")));
        Assert.False(rule.Matches(Statement("China is opening up its sports sector and its door will be opened wider")));
        Assert.False(rule.Matches(Statement("China is opening up and its door will stay open")));
        Assert.False(rule.Matches(Statement(Text, confidence: 0.5)));
        Assert.False(rule.Matches(Statement(Text, kind: StatementKind.Indirect)));
    }
}
