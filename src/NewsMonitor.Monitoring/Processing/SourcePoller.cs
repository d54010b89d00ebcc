using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Monitoring.Fetching;
using NewsMonitor.Monitoring.Sources;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Processing;

/// <summary>An article already stored that its source says has changed since we fetched it.</summary>
public sealed record UpdatedArticle(Uri Url, DateTimeOffset UpdatedAt);

/// <summary>What one poll of a source found: the articles not processed yet, or why the source failed.</summary>
public sealed record SourcePollResult(Uri Source, SourceFormat? Format, int Listed, IReadOnlyList<Uri> NewArticles, string? Error)
{
    /// <summary>Stored articles the source dates as updated after our last fetch: fetch them again for a new version.</summary>
    public IReadOnlyList<UpdatedArticle> UpdatedArticles { get; init; } = [];

    /// <summary>Set when the source's host asked us to wait: poll again then.</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The source was not polled: its interval has not passed (see <see cref="SourceDefinition.Interval"/>).</summary>
    public DateTimeOffset? NotDueUntil { get; init; }

    /// <summary>The source answered 304 Not Modified.</summary>
    public bool NotModified { get; init; }
}

/// <summary>
/// Fetches a source and lists the articles on it that NewsMonitor has not processed yet: honours the
/// source's interval, asks with the ETag and Last-Modified of the last poll, follows a sitemap index to
/// its newest sitemaps, and applies the source's include/exclude patterns and maximum age. Articles
/// already stored come back as <see cref="SourcePollResult.UpdatedArticles"/> when the source dates them
/// (Atom <c>updated</c>, sitemap <c>lastmod</c>) after our fetch, at most once per <see cref="NewsMonitorOptions.MinRevisitInterval"/>.
/// </summary>
public sealed partial class SourcePoller(
    PageFetcher fetcher,
    ArticleStore store,
    IOptions<NewsMonitorOptions> options,
    TimeProvider time,
    NewsMonitorMetrics metrics,
    ILogger<SourcePoller> logger)
{
    private const int MaxSitemapsPerIndex = 5;

    private sealed record SourceState(string Url, DateTimeOffset PolledAt, string? ETag, DateTimeOffset? LastModified);

    public Task<SourcePollResult> PollAsync(Uri source, CancellationToken cancellationToken = default) =>
        PollAsync(new SourceDefinition(source), cancellationToken);

    public async Task<SourcePollResult> PollAsync(SourceDefinition source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var timer = metrics.Time("poll");
        var url = source.Url;
        var state = await ReadStateAsync(url, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        if (source.Interval is { } interval && state is not null && state.PolledAt + interval > now)
            return new SourcePollResult(url, null, 0, [], null) { NotDueUntil = state.PolledAt + interval };

        var conditional = state is null ? null : new ConditionalHeaders(state.ETag, state.LastModified);
        var fetched = await fetcher.FetchAsync(url, FetchPurpose.Source, conditional, cancellationToken).ConfigureAwait(false);
        if (fetched.Outcome == FetchOutcome.NotModified)
        {
            await WriteStateAsync(url, state! with { PolledAt = now }, cancellationToken).ConfigureAwait(false);
            return new SourcePollResult(url, null, 0, [], null) { NotModified = true };
        }
        if (fetched.Outcome == FetchOutcome.Deferred)
            return new SourcePollResult(url, null, 0, [], fetched.Reason) { RetryAt = fetched.RetryAt };
        if (fetched.Page is null)
            return await FailAsync(url, fetched.Reason ?? fetched.Outcome.ToString(), cancellationToken).ConfigureAwait(false);

        var listing = SourceReader.Read(fetched.Page.Body, fetched.Page.ContentType, fetched.Page.FinalUrl, source.Kind);
        if (listing.Error is not null)
            return await FailAsync(url, listing.Error, cancellationToken).ConfigureAwait(false);
        var items = listing.Format == SourceFormat.SitemapIndex
            ? await ReadSitemapsAsync(listing, source, cancellationToken).ConfigureAwait(false)
            : listing.Items;

        var fresh = new List<Uri>();
        var updated = new List<UpdatedArticle>();
        var seenInListing = new HashSet<string>(StringComparer.Ordinal);
        var oldest = source.MaxAge is { } maxAge ? now - maxAge : DateTimeOffset.MinValue;
        // Newest first, so a capped poll takes the latest news.
        foreach (var item in items.OrderByDescending(i => i.PublishedAt ?? DateTimeOffset.MinValue))
        {
            if (fresh.Count + updated.Count >= options.Value.MaxArticlesPerSource) break;
            if (item.PublishedAt is { } published && published < oldest) continue;
            if (!source.Accepts(item.Url) || !seenInListing.Add(UrlKeys.KeyOf(item.Url))) continue;
            if (item.UpdatedAt is null)
            {
                // Without a change date there is nothing to revisit for: an existence check is enough.
                if (!await store.HasSeenAsync(item.Url, cancellationToken).ConfigureAwait(false)) fresh.Add(item.Url);
                continue;
            }
            var seen = await store.GetSeenAsync(item.Url, cancellationToken).ConfigureAwait(false);
            if (seen is null) fresh.Add(item.Url);
            else if (IsRevisitDue(seen, item.UpdatedAt.Value, now)) updated.Add(new UpdatedArticle(item.Url, item.UpdatedAt.Value));
        }
        await WriteStateAsync(url, new SourceState(url.AbsoluteUri, now, fetched.Page.ETag, fetched.Page.LastModified), cancellationToken).ConfigureAwait(false);
        LogPolled(url, listing.Format, items.Count, fresh.Count, updated.Count);
        return new SourcePollResult(url, listing.Format, items.Count, fresh, null) { UpdatedArticles = updated };
    }

    /// <summary>A stored article (not a skipped page) that changed after we last read it, and not read too recently.</summary>
    private bool IsRevisitDue(SeenUrl seen, DateTimeOffset updatedAt, DateTimeOffset now) =>
        seen.ArticleKey.Length > 0 && updatedAt > seen.SeenAt && now - seen.SeenAt >= options.Value.MinRevisitInterval;

    /// <summary>The newest sitemaps of an index (by lastmod, skipping those older than the source's maximum age).</summary>
    private async Task<IReadOnlyList<SourceItem>> ReadSitemapsAsync(SourceListing index, SourceDefinition source, CancellationToken cancellationToken)
    {
        var oldest = source.MaxAge is { } maxAge ? time.GetUtcNow() - maxAge : DateTimeOffset.MinValue;
        var items = new List<SourceItem>();
        foreach (var sitemap in index.Sitemaps.Where(s => (s.PublishedAt ?? DateTimeOffset.MaxValue) >= oldest)
                     .OrderByDescending(s => s.PublishedAt ?? DateTimeOffset.MinValue).Take(MaxSitemapsPerIndex))
        {
            var fetched = await fetcher.FetchAsync(sitemap.Url, FetchPurpose.Source, null, cancellationToken).ConfigureAwait(false);
            if (fetched.Page is null)
            {
                LogSitemapFailed(sitemap.Url, fetched.Reason);
                continue;
            }
            var listing = SourceReader.Read(fetched.Page.Body, fetched.Page.ContentType, fetched.Page.FinalUrl, SourceKind.Sitemap);
            if (listing.Error is null) items.AddRange(listing.Items);
            else LogSitemapFailed(sitemap.Url, listing.Error);
        }
        return items;
    }

    private async Task<SourceState?> ReadStateAsync(Uri url, CancellationToken cancellationToken)
    {
        var blob = await store.Blobs.GetAsync(StoreLayout.StateContainer, StoreLayout.SourceStateName(UrlKeys.KeyOf(url)), cancellationToken).ConfigureAwait(false);
        return blob is null ? null : NewsMonitorJson.FromBinary<SourceState>(blob.Content);
    }

    private Task WriteStateAsync(Uri url, SourceState state, CancellationToken cancellationToken) =>
        store.Blobs.PutAsync(StoreLayout.StateContainer, StoreLayout.SourceStateName(UrlKeys.KeyOf(url)), NewsMonitorJson.ToBinary(state), "application/json", cancellationToken);

    private async Task<SourcePollResult> FailAsync(Uri source, string reason, CancellationToken cancellationToken)
    {
        LogFailed(source, reason);
        await store.RecordFailureAsync(source, "source", reason, null, cancellationToken).ConfigureAwait(false);
        return new SourcePollResult(source, null, 0, [], reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} ({Format}): {Listed} listed, {New} new, {Updated} updated")]
    private partial void LogPolled(Uri source, SourceFormat? format, int listed, int @new, int updated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} failed: {Reason}")]
    private partial void LogFailed(Uri source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sitemap {Sitemap} of an index could not be read: {Reason}")]
    private partial void LogSitemapFailed(Uri sitemap, string? reason);
}
