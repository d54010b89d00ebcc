using Microsoft.Extensions.Logging;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring.Alerts;
using NewsMonitor.Monitoring.Fetching;
using NewsMonitor.Monitoring.Index;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Processing;

public enum ArticleStatus
{
    /// <summary>Fetched, extracted and stored for the first time.</summary>
    New,
    /// <summary>Already processed (this URL, or another URL of the same article): nothing fetched or stored.</summary>
    AlreadySeen,
    /// <summary>Not an article (not HTML, no main content): recorded, not retried.</summary>
    Skipped,
    /// <summary>Fetching or storing failed: recorded, retried next cycle.</summary>
    Failed,
    /// <summary>The host asked us to wait: not fetched now, due again at <see cref="ArticleOutcome.RetryAt"/>.</summary>
    Deferred,
    /// <summary>Stored before, fetched again because its source dated a change, and its text had changed: stored as a new version.</summary>
    Updated,
}

public sealed record ArticleOutcome(Uri Url, ArticleStatus Status, string? Key = null, string? Title = null, int Statements = 0, int Alerts = 0, string? Reason = null)
{
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The stored version after an <see cref="ArticleStatus.Updated"/>.</summary>
    public int? Version { get; init; }
}

/// <summary>
/// Processes one article URL: fetch, extract the article and its statements, store, alert. Idempotent:
/// a URL already processed is not fetched again, and every write is create-if-absent, so the same
/// message handled twice (or by two instances at once) stores one article and sends one alert.
/// </summary>
public sealed partial class ArticleProcessor(
    PageFetcher fetcher,
    ArticleExtractor articles,
    StatementExtractor statements,
    ArticleStore store,
    StatementIndex index,
    AlertSender alerts,
    IHostPacing pacing,
    TimeProvider time,
    NewsMonitorMetrics metrics,
    ILogger<ArticleProcessor> logger)
{
    public Task<ArticleOutcome> ProcessAsync(Uri url, Uri? source, CancellationToken cancellationToken = default) =>
        ProcessAsync(url, source, null, cancellationToken);

    /// <param name="updatedAt">
    /// When the source says the article changed (a revisit, see <see cref="SourcePoller"/>): a stored article
    /// read before then is fetched again, and a changed text is stored as a new version.
    /// </param>
    public async Task<ArticleOutcome> ProcessAsync(Uri url, Uri? source, DateTimeOffset? updatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (updatedAt is { } changed)
        {
            var seen = await store.GetSeenAsync(url, cancellationToken).ConfigureAwait(false);
            if (seen is not null)
            {
                // A revisit message handled again after it was done finds the URL read since the change.
                if (seen.ArticleKey.Length == 0 || seen.SeenAt >= changed)
                    return new ArticleOutcome(url, ArticleStatus.AlreadySeen, seen.ArticleKey.Length == 0 ? null : seen.ArticleKey);
                if (await store.GetArticleForUpdateAsync(seen.ArticleKey, cancellationToken).ConfigureAwait(false) is { } current)
                    return await RevisitAsync(url, source, current.Article, current.ETag, cancellationToken).ConfigureAwait(false);
            }
        }
        else if (await store.HasSeenAsync(url, cancellationToken).ConfigureAwait(false))
        {
            return new ArticleOutcome(url, ArticleStatus.AlreadySeen);
        }

        var (early, page, article) = await FetchAndExtractAsync(url, source, null, cancellationToken).ConfigureAwait(false);
        if (early is not null) return early;
        var identity = IdentityUrl(page!.FinalUrl, article!.CanonicalUrl);
        var key = UrlKeys.KeyOf(identity);

        // Another URL of the same article (a tracking variant, a redirect) may have stored it already.
        if (!identity.Equals(url) && await store.HasSeenAsync(identity, cancellationToken).ConfigureAwait(false))
        {
            await store.MarkSeenAsync(url, key, cancellationToken).ConfigureAwait(false);
            return new ArticleOutcome(url, ArticleStatus.AlreadySeen, key, article.Title);
        }

        var (storedArticle, statementsDocument) = store.Describe(key, identity, article, source);
        storedArticle = storedArticle with { ETag = page.ETag, LastModified = page.LastModified };
        // Indexed before the article is stored: the stored statements carry the ids of the statements they
        // repeat (another outlet's, an earlier version's), and those ids are what alerts once.
        using (metrics.Time("index"))
            statementsDocument = await index.AddAsync(statementsDocument, cancellationToken).ConfigureAwait(false);
        using (metrics.Time("store"))
            await store.SaveAsync(key, page.Body, page.ContentType, storedArticle, statementsDocument, cancellationToken).ConfigureAwait(false);
        int alerted;
        using (metrics.Time("alert"))
            alerted = await alerts.SendAsync(statementsDocument, cancellationToken).ConfigureAwait(false);
        // Marked seen last: if anything above fails, the next cycle does it again, and the writes above are idempotent.
        await store.MarkSeenAsync(identity, key, cancellationToken).ConfigureAwait(false);
        if (!identity.Equals(url)) await store.MarkSeenAsync(url, key, cancellationToken).ConfigureAwait(false);
        metrics.ArticleFetched();
        metrics.StatementsExtracted(article.Statements.Count);
        LogStored(url, key, article.Statements.Count, alerted);
        return new ArticleOutcome(url, ArticleStatus.New, key, article.Title, article.Statements.Count, alerted);
    }

    /// <summary>
    /// Reads a stored article again (asking with its ETag / Last-Modified). An unchanged text only records
    /// the visit; a changed one becomes the next version, and only statements not alerted before alert.
    /// </summary>
    private async Task<ArticleOutcome> RevisitAsync(Uri url, Uri? source, StoredArticle current, string currentETag, CancellationToken cancellationToken)
    {
        var key = current.Key;
        var (early, page, article) = await FetchAndExtractAsync(url, source, new ConditionalHeaders(current.ETag, current.LastModified), cancellationToken).ConfigureAwait(false);
        if (early is not null)
        {
            // Not modified, or no longer an article (it keeps its last version): either way, do not come
            // back until the source dates a newer change. Failures and deferrals come back as they are.
            if (early.Status is ArticleStatus.AlreadySeen or ArticleStatus.Skipped) await store.TouchSeenAsync(url, key, cancellationToken).ConfigureAwait(false);
            return early with { Key = key, Title = current.Article.Title };
        }

        if (string.Equals(article!.Text, current.Article.Text, StringComparison.Ordinal))
        {
            // Same text: nothing to store. Alerts are sent again from the stored statements because an
            // earlier update may have stopped after storing them; each alert is created once, so this sends only what is missing.
            var alerted = 0;
            if (await store.GetStatementsAsync(key, cancellationToken).ConfigureAwait(false) is { } stored)
                alerted = await alerts.SendAsync(stored, cancellationToken).ConfigureAwait(false);
            await store.TouchSeenAsync(url, key, cancellationToken).ConfigureAwait(false);
            return new ArticleOutcome(url, ArticleStatus.AlreadySeen, key, current.Article.Title, Alerts: alerted, Reason: "text unchanged");
        }

        var (next, statementsDocument) = store.Describe(key, new Uri(current.Url), article, source ?? (current.SourceUrl is null ? null : new Uri(current.SourceUrl)));
        next = next with { Version = current.Version + 1, ETag = page!.ETag, LastModified = page.LastModified };
        using (metrics.Time("index"))
            statementsDocument = await index.AddAsync(statementsDocument, cancellationToken).ConfigureAwait(false);
        bool saved;
        using (metrics.Time("store"))
            saved = await store.SaveNewVersionAsync(current, currentETag, page.Body, page.ContentType, next, statementsDocument, cancellationToken).ConfigureAwait(false);
        if (!saved)
            return new ArticleOutcome(url, ArticleStatus.AlreadySeen, key, article.Title, Reason: "another instance stored a newer version first");
        int sent;
        using (metrics.Time("alert"))
            sent = await alerts.SendAsync(statementsDocument, cancellationToken).ConfigureAwait(false);
        await store.TouchSeenAsync(url, key, cancellationToken).ConfigureAwait(false);
        metrics.ArticleFetched();
        metrics.StatementsExtracted(article.Statements.Count);
        LogUpdated(url, key, next.Version, article.Statements.Count, sent);
        return new ArticleOutcome(url, ArticleStatus.Updated, key, article.Title, article.Statements.Count, sent) { Version = next.Version };
    }

    /// <summary>Fetches and extracts one page; returns an outcome instead when it stops before an article.</summary>
    private async Task<(ArticleOutcome? Early, FetchedPage? Page, Article? Article)> FetchAndExtractAsync(Uri url, Uri? source, ConditionalHeaders? conditional, CancellationToken cancellationToken)
    {
        if (await pacing.ReserveAsync(url.Host, cancellationToken).ConfigureAwait(false) is { } wait)
            return (new ArticleOutcome(url, ArticleStatus.Deferred, Reason: $"{url.Host} is paced; next slot in {wait.TotalSeconds:0.#} s") { RetryAt = time.GetUtcNow() + wait }, null, null);

        FetchResult fetched;
        using (metrics.Time("fetch"))
            fetched = await fetcher.FetchAsync(url, FetchPurpose.Article, conditional, cancellationToken).ConfigureAwait(false);
        if (fetched.Outcome == FetchOutcome.NotModified)
        {
            metrics.ArticleNotModified();
            if (conditional is not null) return (new ArticleOutcome(url, ArticleStatus.AlreadySeen, Reason: "not modified"), null, null);
        }
        if (fetched.Outcome == FetchOutcome.Deferred)
        {
            if (fetched.StatusCode is 429 or 503 && fetched.RetryAt is { } until) await pacing.PauseAsync(url.Host, until, cancellationToken).ConfigureAwait(false);
            return (new ArticleOutcome(url, ArticleStatus.Deferred, Reason: fetched.Reason) { RetryAt = fetched.RetryAt }, null, null);
        }
        if (fetched.Outcome != FetchOutcome.Fetched || fetched.Page is null)
        {
            var status = fetched.Outcome == FetchOutcome.Skipped ? ArticleStatus.Skipped : ArticleStatus.Failed;
            return (await FailAsync(url, source, "fetch", fetched.Reason ?? fetched.Outcome.ToString(), status, cancellationToken).ConfigureAwait(false), null, null);
        }

        var page = fetched.Page;
        ExtractionResult extraction;
        using (metrics.Time("extract"))
            extraction = articles.Extract(page.Body, page.ContentType, page.FinalUrl.AbsoluteUri);
        if (!extraction.IsSuccess)
            return (await FailAsync(url, source, "extract", extraction.Reason ?? extraction.Status.ToString(), ArticleStatus.Skipped, cancellationToken).ConfigureAwait(false), null, null);

        var article = extraction.Article!;
        using (metrics.Time("statements"))
            article = article with { Statements = statements.Extract(article) };
        return (null, page, article);
    }

    /// <summary>
    /// The URL that names the article: its canonical link when that stays on the same site (a page cannot
    /// claim another site's article), otherwise where the fetch ended up.
    /// </summary>
    private static Uri IdentityUrl(Uri finalUrl, string? canonical)
    {
        if (canonical is not null && UrlKeys.TryParseHttpUrl(canonical, out var canonicalUrl) && SameSite(canonicalUrl, finalUrl))
            return UrlKeys.Normalise(canonicalUrl);
        return UrlKeys.Normalise(finalUrl);
    }

    private static bool SameSite(Uri a, Uri b)
    {
        static string Site(Uri u)
        {
            var host = u.IdnHost.ToLowerInvariant();
            return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        }
        var (x, y) = (Site(a), Site(b));
        return x == y || x.EndsWith("." + y, StringComparison.Ordinal) || y.EndsWith("." + x, StringComparison.Ordinal);
    }

    private async Task<ArticleOutcome> FailAsync(Uri url, Uri? source, string stage, string reason, ArticleStatus status, CancellationToken cancellationToken)
    {
        LogFailed(url, stage, reason);
        if (status == ArticleStatus.Skipped) metrics.ArticleSkipped(stage);
        else metrics.ArticleFailed(stage);
        await store.RecordFailureAsync(url, stage, reason, source, cancellationToken).ConfigureAwait(false);
        // Pages that are not articles will not become articles: do not fetch them every cycle.
        if (status == ArticleStatus.Skipped) await store.MarkSeenAsync(url, "", cancellationToken).ConfigureAwait(false);
        return new ArticleOutcome(url, status, Reason: reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Url} as {Key}: {Statements} statements, {Alerts} alerts")]
    private partial void LogStored(Uri url, string key, int statements, int alerts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated {Url} ({Key}) to version {Version}: {Statements} statements, {Alerts} new alerts")]
    private partial void LogUpdated(Uri url, string key, int version, int statements, int alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Url} failed at {Stage}: {Reason}")]
    private partial void LogFailed(Uri url, string stage, string reason);
}
