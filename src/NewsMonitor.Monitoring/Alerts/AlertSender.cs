using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Monitoring.Index;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Alerts;

/// <summary>What retrying the failed alerts did.</summary>
public sealed record AlertRetrySummary(int Retried, int Delivered, int StillFailed);

/// <summary>
/// Evaluates the watch rules on an article's statements and sends each matching (rule, statement) once:
/// the alert record is created with If-None-Match before delivery, so another outlet repeating the
/// statement, a new version of the article, or the same message handled twice finds it and sends nothing.
/// A channel that still fails after its retries leaves a dead-letter record (<c>newsmon alerts --failed</c>).
/// A record left Pending by a crash is delivered by the next instance that meets the statement.
/// </summary>
public sealed partial class AlertSender(
    IBlobStore blobs,
    AlertRuleCatalog catalog,
    AlertDispatcher dispatcher,
    StatementIndex index,
    IOptions<NewsMonitorOptions> options,
    TimeProvider time,
    NewsMonitorMetrics metrics,
    ILogger<AlertSender> logger)
{
    private const string Json = "application/json";

    /// <summary>Sends alerts for the statements of one article; returns how many new alerts were created.</summary>
    public async Task<int> SendAsync(StatementsDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var configuration = await catalog.GetAsync(cancellationToken).ConfigureAwait(false);
        var created = 0;
        foreach (var rule in configuration.Rules)
            foreach (var statement in document.Statements.Where(rule.Matches).DistinctBy(s => s.Id))
                if (await AlertAsync(rule, configuration, statement, document, cancellationToken).ConfigureAwait(false))
                    created++;
        return created;
    }

    /// <returns>True when this call created the alert.</returns>
    private async Task<bool> AlertAsync(WatchRule rule, AlertConfiguration configuration, StatementRecord statement, StatementsDocument document, CancellationToken cancellationToken)
    {
        var name = StoreLayout.AlertName(rule.Id, statement.Id);
        var now = time.GetUtcNow();
        var entry = await index.GetStatementAsync(statement.Id, cancellationToken).ConfigureAwait(false);
        var message = Describe(rule, statement, document, entry, now);
        var record = new AlertRecord(message, configuration.ChannelsOf(rule).Select(c => new ChannelDelivery(c.Name, c.Type, AlertDeliveryStatus.Pending)).ToList(), now);
        var created = await blobs.TryCreateAsync(StoreLayout.AlertsContainer, name, NewsMonitorJson.ToBinary(record), Json, cancellationToken).ConfigureAwait(false);
        if (!created)
        {
            // Alerted before (another outlet, an earlier version, this message again), unless that delivery was cut short.
            var stored = await blobs.GetAsync(StoreLayout.AlertsContainer, name, cancellationToken).ConfigureAwait(false);
            if (stored is null || NewsMonitorJson.FromBinary<AlertRecord>(stored.Content) is not { } existing) return false;
            if (existing.Deliveries.All(d => d.Status != AlertDeliveryStatus.Pending) || now - existing.UpdatedAt < options.Value.Alerts.PendingLease) return false;
            record = existing with { UpdatedAt = now };
            if (!await blobs.TryReplaceAsync(StoreLayout.AlertsContainer, name, NewsMonitorJson.ToBinary(record), Json, stored.ETag, cancellationToken).ConfigureAwait(false))
                return false; // another instance took it over
            LogTakeOver(rule.Id, statement.Id);
        }
        await DeliverAsync(record, configuration, fromDeadLetter: false, cancellationToken).ConfigureAwait(false);
        return created;
    }

    /// <summary>Delivers the record's Pending channels, stores the outcome, and keeps a dead-letter record while any channel has failed.</summary>
    private async Task<AlertRecord> DeliverAsync(AlertRecord record, AlertConfiguration configuration, bool fromDeadLetter, CancellationToken cancellationToken)
    {
        var deliveries = new List<ChannelDelivery>(record.Deliveries.Count);
        foreach (var delivery in record.Deliveries)
        {
            if (delivery.Status != AlertDeliveryStatus.Pending)
            {
                deliveries.Add(delivery);
                continue;
            }
            var outcome = configuration.Channels.TryGetValue(delivery.Channel, out var channel)
                ? await dispatcher.DeliverAsync(channel, record.Message, cancellationToken).ConfigureAwait(false)
                : delivery with { Status = AlertDeliveryStatus.Failed, Error = $"channel '{delivery.Channel}' is no longer configured", At = time.GetUtcNow() };
            if (outcome.Status == AlertDeliveryStatus.Failed) metrics.AlertFailed(outcome.Type.ToString().ToLowerInvariant());
            else metrics.AlertSent(outcome.Type.ToString().ToLowerInvariant());
            // Attempts add up over retries of a dead letter.
            deliveries.Add(outcome with { Attempts = delivery.Attempts + outcome.Attempts });
        }
        var done = record with { Deliveries = deliveries, UpdatedAt = time.GetUtcNow() };
        var (ruleId, statementId) = Split(done.Message.Id);
        await blobs.PutAsync(StoreLayout.AlertsContainer, StoreLayout.AlertName(ruleId, statementId), NewsMonitorJson.ToBinary(done), Json, cancellationToken).ConfigureAwait(false);
        var deadLetter = StoreLayout.FailedAlertName(ruleId, statementId);
        if (done.IsFailed) await blobs.PutAsync(StoreLayout.AlertsContainer, deadLetter, NewsMonitorJson.ToBinary(done), Json, cancellationToken).ConfigureAwait(false);
        else if (fromDeadLetter) await blobs.DeleteAsync(StoreLayout.AlertsContainer, deadLetter, cancellationToken).ConfigureAwait(false);
        return done;
    }

    /// <summary>Alerts some channel gave up on, oldest first by name.</summary>
    public async IAsyncEnumerable<AlertRecord> ListFailedAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var name in blobs.ListAsync(StoreLayout.AlertsContainer, StoreLayout.FailedAlertsPrefix, cancellationToken).ConfigureAwait(false))
        {
            var blob = await blobs.GetAsync(StoreLayout.AlertsContainer, name, cancellationToken).ConfigureAwait(false);
            if (blob is not null && NewsMonitorJson.FromBinary<AlertRecord>(blob.Content) is { } record) yield return record;
        }
    }

    /// <summary>Delivers the failed channels of every dead-letter record again; a record all of whose channels get through leaves the dead letters.</summary>
    public async Task<AlertRetrySummary> RetryFailedAsync(CancellationToken cancellationToken = default)
    {
        var configuration = await catalog.GetAsync(cancellationToken).ConfigureAwait(false);
        var failed = new List<AlertRecord>();
        await foreach (var record in ListFailedAsync(cancellationToken).ConfigureAwait(false)) failed.Add(record);
        var delivered = 0;
        foreach (var record in failed)
        {
            var again = record with
            {
                Deliveries = record.Deliveries.Select(d => d.Status == AlertDeliveryStatus.Failed ? d with { Status = AlertDeliveryStatus.Pending } : d).ToList(),
            };
            if (!(await DeliverAsync(again, configuration, fromDeadLetter: true, cancellationToken).ConfigureAwait(false)).IsFailed) delivered++;
        }
        return new AlertRetrySummary(failed.Count, delivered, failed.Count - delivered);
    }

    /// <summary>The alert as channels receive it: the statement as first reported, its speaker, every outlet so far, a link.</summary>
    private static AlertMessage Describe(WatchRule rule, StatementRecord statement, StatementsDocument document, StatementEntry? entry, DateTimeOffset now)
    {
        var sources = entry?.Sources.Select(s => new AlertSource(s.Url, s.Title, s.SiteName, s.Host, s.PublishedAt)).ToList()
            ?? [new AlertSource(document.CanonicalUrl ?? document.Url, document.Title, document.SiteName, IndexLayout.HostKey(new Uri(document.Url)), document.PublishedAt)];
        var text = entry?.Text ?? statement.Text;
        return new AlertMessage(
            $"{rule.Id}/{statement.Id}",
            new AlertRuleInfo(rule.Id, rule.Description),
            new AlertStatement(statement.Id, statement.Kind, text, statement.Cue, statement.Confidence, entry?.Speaker ?? statement.Speaker),
            sources,
            sources[0].Url,
            now);
    }

    private static (string RuleId, string StatementId) Split(string alertId)
    {
        var slash = alertId.IndexOf('/', StringComparison.Ordinal);
        return (alertId[..slash], alertId[(slash + 1)..]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {RuleId}/{StatementId} was left pending by an earlier attempt; delivering it now")]
    private partial void LogTakeOver(string ruleId, string statementId);
}
