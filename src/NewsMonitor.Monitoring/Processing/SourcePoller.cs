using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Monitoring.Fetching;
using NewsMonitor.Monitoring.Sources;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Processing;

/// <summary>What one poll of a source found: the articles not processed yet, or why the source failed.</summary>
public sealed record SourcePollResult(Uri Source, SourceFormat? Format, int Listed, IReadOnlyList<Uri> NewArticles, string? Error)
{
    /// <summary>Set when the source's host asked us to wait: poll again then.</summary>
    public DateTimeOffset? RetryAt { get; init; }
}

/// <summary>Fetches a source and lists the articles on it that NewsMonitor has not processed yet.</summary>
public sealed partial class SourcePoller(PageFetcher fetcher, ArticleStore store, IOptions<NewsMonitorOptions> options, NewsMonitorMetrics metrics, ILogger<SourcePoller> logger)
{
    public async Task<SourcePollResult> PollAsync(Uri source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var timer = metrics.Time("poll");
        var fetched = await fetcher.FetchAsync(source, FetchPurpose.Source, null, cancellationToken).ConfigureAwait(false);
        if (fetched.Outcome == FetchOutcome.NotModified) return new SourcePollResult(source, null, 0, [], null);
        if (fetched.Outcome == FetchOutcome.Deferred)
            return new SourcePollResult(source, null, 0, [], fetched.Reason) { RetryAt = fetched.RetryAt };
        if (fetched.Page is null)
            return await FailAsync(source, fetched.Reason ?? fetched.Outcome.ToString(), cancellationToken).ConfigureAwait(false);

        var listing = SourceReader.Read(fetched.Page.Body, fetched.Page.ContentType, fetched.Page.FinalUrl);
        if (listing.Error is not null)
            return await FailAsync(source, listing.Error, cancellationToken).ConfigureAwait(false);

        var fresh = new List<Uri>();
        var seenInListing = new HashSet<string>(StringComparer.Ordinal);
        // Newest first, so a capped poll takes the latest news.
        foreach (var item in listing.Items.OrderByDescending(i => i.PublishedAt ?? DateTimeOffset.MinValue))
        {
            if (fresh.Count >= options.Value.MaxArticlesPerSource) break;
            if (!seenInListing.Add(UrlKeys.KeyOf(item.Url))) continue;
            if (await store.HasSeenAsync(item.Url, cancellationToken).ConfigureAwait(false)) continue;
            fresh.Add(item.Url);
        }
        LogPolled(source, listing.Format, listing.Items.Count, fresh.Count);
        return new SourcePollResult(source, listing.Format, listing.Items.Count, fresh, null);
    }

    private async Task<SourcePollResult> FailAsync(Uri source, string reason, CancellationToken cancellationToken)
    {
        LogFailed(source, reason);
        await store.RecordFailureAsync(source, "source", reason, null, cancellationToken).ConfigureAwait(false);
        return new SourcePollResult(source, null, 0, [], reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} ({Format}): {Listed} listed, {New} new")]
    private partial void LogPolled(Uri source, SourceFormat? format, int listed, int @new);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} failed: {Reason}")]
    private partial void LogFailed(Uri source, string reason);
}
