using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Alerts;

/// <summary>
/// Evaluates watch rules on new statements and sends each matching (rule, statement) once: the alert
/// record is created with If-None-Match before delivery, so a second outlet repeating the statement,
/// or the same message handled twice, finds it and sends nothing.
/// </summary>
public sealed partial class AlertSender(
    IBlobStore blobs,
    IOptions<NewsMonitorOptions> options,
    IHttpClientFactory clients,
    TimeProvider time,
    NewsMonitorMetrics metrics,
    ILogger<AlertSender> logger)
{
    public const string HttpClientName = "newsmonitor-alerts";

    private IReadOnlyList<WatchRule>? _rules;

    /// <summary>The rules from configuration (speakers and keywords).</summary>
    public IReadOnlyList<WatchRule> Rules => _rules ??=
        options.Value.WatchSpeakers.Select(WatchRule.Speaker).Concat(options.Value.WatchKeywords.Select(WatchRule.Keyword)).ToList();

    /// <summary>Sends alerts for the statements of one article; returns how many new alerts were created.</summary>
    public async Task<int> SendAsync(StatementsDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var created = 0;
        foreach (var rule in Rules)
        {
            foreach (var statement in document.Statements.Where(rule.Matches))
            {
                var name = StoreLayout.AlertName(rule.Id, statement.Id);
                var hook = options.Value.AlertWebhook;
                var alert = new AlertRecord(rule.Id, rule.Kind, rule.Value, statement,
                    new AlertArticle(document.ArticleKey, document.CanonicalUrl ?? document.Url, document.Title, document.SiteName, document.PublishedAt),
                    time.GetUtcNow(), hook is null ? AlertDelivery.Logged : AlertDelivery.Pending);
                if (!await blobs.TryCreateAsync(StoreLayout.AlertsContainer, name, NewsMonitorJson.ToBinary(alert), "application/json", cancellationToken).ConfigureAwait(false))
                    continue; // already alerted: another outlet, or this message again
                created++;
                LogAlert(rule.Id, statement.Speaker?.Name ?? statement.Speaker?.Mention, document.Url);
                if (hook is null)
                {
                    metrics.AlertSent("log");
                    continue;
                }
                var delivered = await DeliverAsync(new Uri(hook), alert, cancellationToken).ConfigureAwait(false);
                if (delivered is null) metrics.AlertSent("webhook");
                else metrics.AlertFailed("webhook");
                await blobs.PutAsync(StoreLayout.AlertsContainer, name, NewsMonitorJson.ToBinary(
                    alert with { Delivery = delivered is null ? AlertDelivery.Delivered : AlertDelivery.Failed, DeliveryError = delivered }),
                    "application/json", cancellationToken).ConfigureAwait(false);
            }
        }
        return created;
    }

    /// <summary>Posts the alert; returns null on success or the reason it failed.</summary>
    private async Task<string?> DeliverAsync(Uri hook, AlertRecord alert, CancellationToken cancellationToken)
    {
        try
        {
            var client = clients.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(hook, alert, NewsMonitorJson.Options, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return null;
            var reason = $"webhook answered HTTP {(int)response.StatusCode}";
            LogDeliveryFailed(hook, reason);
            return reason;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            LogDeliveryFailed(hook, e.Message);
            return e.Message;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {RuleId}: statement by {Speaker} in {Url}")]
    private partial void LogAlert(string ruleId, string? speaker, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert delivery to {Hook} failed: {Reason}")]
    private partial void LogDeliveryFailed(Uri hook, string reason);
}
