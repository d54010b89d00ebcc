using Microsoft.Extensions.Logging;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring.Alerts;
using NewsMonitor.Monitoring.Fetching;
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
}

public sealed record ArticleOutcome(Uri Url, ArticleStatus Status, string? Key = null, string? Title = null, int Statements = 0, int Alerts = 0, string? Reason = null)
{
    public DateTimeOffset? RetryAt { get; init; }
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
    AlertSender alerts,
    IHostPacing pacing,
    TimeProvider time,
    NewsMonitorMetrics metrics,
    ILogger<ArticleProcessor> logger)
{
    public async Task<ArticleOutcome> ProcessAsync(Uri url, Uri? source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (await store.HasSeenAsync(url, cancellationToken).ConfigureAwait(false))
            return new ArticleOutcome(url, ArticleStatus.AlreadySeen);
        if (await pacing.ReserveAsync(url.Host, cancellationToken).ConfigureAwait(false) is { } wait)
            return new ArticleOutcome(url, ArticleStatus.Deferred, Reason: $"{url.Host} is paced; next slot in {wait.TotalSeconds:0.#} s") { RetryAt = time.GetUtcNow() + wait };

        FetchResult fetched;
        using (metrics.Time("fetch"))
            fetched = await fetcher.FetchAsync(url, FetchPurpose.Article, null, cancellationToken).ConfigureAwait(false);
        if (fetched.Outcome == FetchOutcome.NotModified) metrics.ArticleNotModified();
        if (fetched.Outcome == FetchOutcome.Deferred)
        {
            if (fetched.StatusCode is 429 or 503 && fetched.RetryAt is { } until) await pacing.PauseAsync(url.Host, until, cancellationToken).ConfigureAwait(false);
            return new ArticleOutcome(url, ArticleStatus.Deferred, Reason: fetched.Reason) { RetryAt = fetched.RetryAt };
        }
        if (fetched.Outcome != FetchOutcome.Fetched || fetched.Page is null)
        {
            var status = fetched.Outcome == FetchOutcome.Skipped ? ArticleStatus.Skipped : ArticleStatus.Failed;
            return await FailAsync(url, source, "fetch", fetched.Reason ?? fetched.Outcome.ToString(), status, cancellationToken).ConfigureAwait(false);
        }

        var page = fetched.Page;
        ExtractionResult extraction;
        using (metrics.Time("extract"))
            extraction = articles.Extract(page.Body, page.ContentType, page.FinalUrl.AbsoluteUri);
        if (!extraction.IsSuccess)
            return await FailAsync(url, source, "extract", extraction.Reason ?? extraction.Status.ToString(), ArticleStatus.Skipped, cancellationToken).ConfigureAwait(false);

        var article = extraction.Article!;
        using (metrics.Time("statements"))
            article = article with { Statements = statements.Extract(article) };
        var identity = IdentityUrl(page.FinalUrl, article.CanonicalUrl);
        var key = UrlKeys.KeyOf(identity);

        // Another URL of the same article (a tracking variant, a redirect) may have stored it already.
        if (!identity.Equals(url) && await store.HasSeenAsync(identity, cancellationToken).ConfigureAwait(false))
        {
            await store.MarkSeenAsync(url, key, cancellationToken).ConfigureAwait(false);
            return new ArticleOutcome(url, ArticleStatus.AlreadySeen, key, article.Title);
        }

        var (storedArticle, statementsDocument) = store.Describe(key, identity, article, source);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Article {Url} failed at {Stage}: {Reason}")]
    private partial void LogFailed(Uri url, string stage, string reason);
}
