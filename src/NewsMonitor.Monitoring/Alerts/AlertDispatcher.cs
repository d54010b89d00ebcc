using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using NewsMonitor.Monitoring.Processing;

namespace NewsMonitor.Monitoring.Alerts;

/// <summary>
/// Delivers one alert to one channel. Webhooks get the <see cref="AlertMessage"/> as JSON with an
/// <c>X-NewsMonitor-Delivery</c> id (the same on every attempt) and, when the channel has a secret,
/// <c>X-NewsMonitor-Timestamp</c> and <c>X-NewsMonitor-Signature: sha256=HEX</c>, the HMAC-SHA256 of
/// "{timestamp}.{body}". Slack and Teams get their incoming-webhook payloads; a queue gets the JSON message.
/// Retries with backoff are the HTTP client's (see <see cref="DependencyInjection"/>).
/// </summary>
public sealed partial class AlertDispatcher(IHttpClientFactory clients, Lazy<QueueSender> queues, TimeProvider time, ILogger<AlertDispatcher> logger)
{
    public const string HttpClientName = "newsmonitor-alerts";
    public const string DeliveryHeader = "X-NewsMonitor-Delivery";
    public const string TimestampHeader = "X-NewsMonitor-Timestamp";
    public const string SignatureHeader = "X-NewsMonitor-Signature";

    public async Task<ChannelDelivery> DeliverAsync(AlertChannel channel, AlertMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        var now = time.GetUtcNow();
        switch (channel.Type)
        {
            case AlertChannelType.Log:
                LogAlert(message.Rule.Id, message.Statement.Speaker?.Name ?? message.Statement.Speaker?.Mention, message.Statement.Text, message.Link);
                return new ChannelDelivery(channel.Name, channel.Type, AlertDeliveryStatus.Logged, 1, null, now);
            case AlertChannelType.Queue:
                try
                {
                    await queues.Value.EnqueueAsync(channel.Queue!, message, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return new ChannelDelivery(channel.Name, channel.Type, AlertDeliveryStatus.Delivered, 1, null, now);
                }
                catch (Azure.RequestFailedException e)
                {
                    return Failed(channel, 1, $"queue {channel.Queue}: {e.Message}");
                }
            default:
                return await PostAsync(channel, message, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ChannelDelivery> PostAsync(AlertChannel channel, AlertMessage message, CancellationToken cancellationToken)
    {
        var body = channel.Type switch
        {
            AlertChannelType.Slack => SlackPayload(message),
            AlertChannelType.Teams => TeamsPayload(message),
            _ => JsonSerializer.Serialize(message, NewsMonitorJson.Options),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, channel.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(DeliveryHeader, message.Id);
        if (channel.Secret is { } secret)
        {
            var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(TimestampHeader, timestamp);
            request.Headers.Add(SignatureHeader, Sign(secret, timestamp, body));
        }
        var attempts = new AttemptCounter.Count();
        request.Options.Set(AttemptCounter.Key, attempts);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return new ChannelDelivery(channel.Name, channel.Type, AlertDeliveryStatus.Delivered, attempts.Value, null, time.GetUtcNow());
            return Failed(channel, attempts.Value, $"{channel.Url!.Host} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException
                                   || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return Failed(channel, attempts.Value, $"{channel.Url!.Host}: {e.Message}");
        }
    }

    private ChannelDelivery Failed(AlertChannel channel, int attempts, string error)
    {
        LogFailed(channel.Name, attempts, error);
        return new ChannelDelivery(channel.Name, channel.Type, AlertDeliveryStatus.Failed, attempts, error, time.GetUtcNow());
    }

    /// <summary>"sha256=" and the lower-case hex HMAC-SHA256 of "{timestamp}.{body}" under the secret.</summary>
    public static string Sign(string secret, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>One line saying who said what, for chat channels.</summary>
    public static string Headline(AlertMessage message)
    {
        var speaker = message.Statement.Speaker;
        var who = speaker?.Name ?? speaker?.Mention ?? "Someone";
        var role = string.Join(", ", new[] { speaker?.Role, speaker?.Organization }.Where(x => x is not null).Distinct());
        return role.Length == 0 ? who : $"{who} ({role})";
    }

    private static string SlackPayload(AlertMessage message)
    {
        static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
        var first = message.Sources.Count > 0 ? message.Sources[0] : null;
        var outlets = message.Sources.Count > 1 ? $" · +{message.Sources.Count - 1} more outlets" : "";
        var context = $"<{message.Link}|{Escape(first?.Title ?? message.Link)}>{(first?.SiteName is { } site ? " · " + Escape(site) : "")}{outlets} · rule `{message.Rule.Id}`";
        var payload = new JsonObject
        {
            ["text"] = $"{Headline(message)} {message.Statement.Cue ?? "said"}: “{message.Statement.Text}”",
            ["blocks"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = "section",
                    ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = $"*{Escape(Headline(message))}* {Escape(message.Statement.Cue ?? "said")}:\n>{Escape(message.Statement.Text)}" },
                },
                new JsonObject
                {
                    ["type"] = "context",
                    ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = context }),
                }),
        };
        return payload.ToJsonString();
    }

    /// <summary>An Adaptive Card in a message, the payload Teams incoming webhooks and Workflows accept.</summary>
    private static string TeamsPayload(AlertMessage message)
    {
        var first = message.Sources.Count > 0 ? message.Sources[0] : null;
        var facts = new JsonArray(
            new JsonObject { ["title"] = "Outlets", ["value"] = string.Join(", ", message.Sources.Select(s => s.SiteName ?? s.Host).Distinct()) },
            new JsonObject { ["title"] = "Rule", ["value"] = $"{message.Rule.Id}: {message.Rule.Description}" });
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                new JsonObject { ["type"] = "TextBlock", ["text"] = $"{Headline(message)} {message.Statement.Cue ?? "said"}:", ["weight"] = "Bolder", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = $"“{message.Statement.Text}”", ["wrap"] = true },
                new JsonObject { ["type"] = "FactSet", ["facts"] = facts }),
            ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = first?.Title ?? "Read the article", ["url"] = message.Link }),
        };
        var payload = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
        };
        return payload.ToJsonString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {RuleId}: {Speaker}: \"{Text}\" <{Link}>")]
    private partial void LogAlert(string ruleId, string? speaker, string text, string link);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert delivery to channel {Channel} failed after {Attempts} attempts: {Error}")]
    private partial void LogFailed(string channel, int attempts, string error);
}

/// <summary>Counts the attempts the retry handler above it makes, into the request's options.</summary>
public sealed class AttemptCounter : DelegatingHandler
{
    public sealed class Count
    {
        private int _value;
        public int Value => Volatile.Read(ref _value);
        public void Increment() => Interlocked.Increment(ref _value);
    }

    public static readonly HttpRequestOptionsKey<Count> Key = new("newsmonitor.attempts");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Options.TryGetValue(Key, out var count)) count.Increment();
        return base.SendAsync(request, cancellationToken);
    }
}
