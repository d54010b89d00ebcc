using System.Runtime.CompilerServices;
using NewsMonitor.Extraction;

namespace NewsMonitor.Monitoring.Storage;

/// <summary>Reads and writes articles, statements, seen URLs and failures in the <see cref="StoreLayout"/>.</summary>
public sealed class ArticleStore(IBlobStore blobs, TimeProvider time)
{
    private const string Json = "application/json";

    public IBlobStore Blobs => blobs;

    public Task<bool> HasSeenAsync(Uri url, CancellationToken cancellationToken = default) =>
        blobs.ExistsAsync(StoreLayout.StateContainer, StoreLayout.SeenUrlName(UrlKeys.KeyOf(url)), cancellationToken);

    /// <summary>Stores the raw page, the article and its statements. Writing the same article again changes nothing.</summary>
    /// <returns>True when the article was new.</returns>
    public async Task<bool> SaveAsync(string key, byte[] raw, string? rawContentType, StoredArticle article, StatementsDocument statements, CancellationToken cancellationToken = default)
    {
        await blobs.TryCreateAsync(StoreLayout.RawContainer, StoreLayout.RawName(key), BinaryData.FromBytes(raw), rawContentType ?? "text/html", cancellationToken).ConfigureAwait(false);
        var isNew = await blobs.TryCreateAsync(StoreLayout.ArticlesContainer, StoreLayout.ArticleName(key), NewsMonitorJson.ToBinary(article), Json, cancellationToken).ConfigureAwait(false);
        // Statements go last: their presence is what the query and the alerts read.
        await blobs.TryCreateAsync(StoreLayout.StatementsContainer, StoreLayout.StatementsName(key), NewsMonitorJson.ToBinary(statements), Json, cancellationToken).ConfigureAwait(false);
        return isNew;
    }

    public async Task<SeenUrl?> GetSeenAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.GetAsync(StoreLayout.StateContainer, StoreLayout.SeenUrlName(UrlKeys.KeyOf(url)), cancellationToken).ConfigureAwait(false);
        return blob is null ? null : NewsMonitorJson.FromBinary<SeenUrl>(blob.Content);
    }

    public async Task MarkSeenAsync(Uri url, string articleKey, CancellationToken cancellationToken = default)
    {
        var record = new SeenUrl(UrlKeys.Normalise(url).AbsoluteUri, articleKey, time.GetUtcNow());
        await blobs.TryCreateAsync(StoreLayout.StateContainer, StoreLayout.SeenUrlName(UrlKeys.KeyOf(url)), NewsMonitorJson.ToBinary(record), Json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records that a seen URL was checked again now, so the same source update does not send us back.</summary>
    public async Task TouchSeenAsync(Uri url, string articleKey, CancellationToken cancellationToken = default)
    {
        var record = new SeenUrl(UrlKeys.Normalise(url).AbsoluteUri, articleKey, time.GetUtcNow());
        await blobs.PutAsync(StoreLayout.StateContainer, StoreLayout.SeenUrlName(UrlKeys.KeyOf(url)), NewsMonitorJson.ToBinary(record), Json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stores a changed text of an article already stored. The current version is copied to its version
    /// name first (create-if-absent, so a retry copies it once); the article blob is replaced last, and
    /// only if it is still the version read (<paramref name="currentETag"/>): it is the commit point, so
    /// a failure part-way leaves the old text current and the next revisit does the whole step again.
    /// </summary>
    /// <returns>False when another instance stored a newer version first.</returns>
    public async Task<bool> SaveNewVersionAsync(StoredArticle current, string currentETag, byte[] raw, string? rawContentType, StoredArticle article, StatementsDocument statements, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(article);
        var key = current.Key;
        var previousRaw = await blobs.GetAsync(StoreLayout.RawContainer, StoreLayout.RawName(key), cancellationToken).ConfigureAwait(false);
        if (previousRaw is not null)
            await blobs.TryCreateAsync(StoreLayout.RawContainer, StoreLayout.RawVersionName(key, current.Version), previousRaw.Content, previousRaw.ContentType ?? "text/html", cancellationToken).ConfigureAwait(false);
        await blobs.TryCreateAsync(StoreLayout.ArticlesContainer, StoreLayout.ArticleVersionName(key, current.Version), NewsMonitorJson.ToBinary(current), Json, cancellationToken).ConfigureAwait(false);
        await blobs.PutAsync(StoreLayout.RawContainer, StoreLayout.RawName(key), BinaryData.FromBytes(raw), rawContentType ?? "text/html", cancellationToken).ConfigureAwait(false);
        await blobs.PutAsync(StoreLayout.StatementsContainer, StoreLayout.StatementsName(key), NewsMonitorJson.ToBinary(statements), Json, cancellationToken).ConfigureAwait(false);
        return await blobs.TryReplaceAsync(StoreLayout.ArticlesContainer, StoreLayout.ArticleName(key), NewsMonitorJson.ToBinary(article), Json, currentETag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The current article with the blob version it was read at, for <see cref="SaveNewVersionAsync"/>.</summary>
    public async Task<(StoredArticle Article, string ETag)?> GetArticleForUpdateAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.GetAsync(StoreLayout.ArticlesContainer, StoreLayout.ArticleName(key), cancellationToken).ConfigureAwait(false);
        return blob is not null && NewsMonitorJson.FromBinary<StoredArticle>(blob.Content) is { } article ? (article, blob.ETag) : null;
    }

    public async Task<StoredArticle?> GetArticleVersionAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.GetAsync(StoreLayout.ArticlesContainer, StoreLayout.ArticleVersionName(key, version), cancellationToken).ConfigureAwait(false);
        return blob is null ? null : NewsMonitorJson.FromBinary<StoredArticle>(blob.Content);
    }

    public async Task<StatementsDocument?> GetStatementsAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.GetAsync(StoreLayout.StatementsContainer, StoreLayout.StatementsName(key), cancellationToken).ConfigureAwait(false);
        return blob is null ? null : NewsMonitorJson.FromBinary<StatementsDocument>(blob.Content);
    }

    public async Task RecordFailureAsync(Uri url, string stage, string reason, Uri? source, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var record = new FailureRecord(url.AbsoluteUri, stage, reason, now, source?.AbsoluteUri);
        await blobs.PutAsync(StoreLayout.StateContainer, StoreLayout.FailureName(now, UrlKeys.KeyOf(url)), NewsMonitorJson.ToBinary(record), Json, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<FailureRecord> ReadFailuresAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var name in blobs.ListAsync(StoreLayout.StateContainer, "failures/", cancellationToken).ConfigureAwait(false))
        {
            var blob = await blobs.GetAsync(StoreLayout.StateContainer, name, cancellationToken).ConfigureAwait(false);
            if (blob is not null && NewsMonitorJson.FromBinary<FailureRecord>(blob.Content) is { } record) yield return record;
        }
    }

    public async Task<StoredArticle?> GetArticleAsync(string key, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.GetAsync(StoreLayout.ArticlesContainer, StoreLayout.ArticleName(key), cancellationToken).ConfigureAwait(false);
        return blob is null ? null : NewsMonitorJson.FromBinary<StoredArticle>(blob.Content);
    }

    public async IAsyncEnumerable<StatementsDocument> ReadAllStatementsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var name in blobs.ListAsync(StoreLayout.StatementsContainer, null, cancellationToken).ConfigureAwait(false))
        {
            var blob = await blobs.GetAsync(StoreLayout.StatementsContainer, name, cancellationToken).ConfigureAwait(false);
            if (blob is not null && NewsMonitorJson.FromBinary<StatementsDocument>(blob.Content) is { } document) yield return document;
        }
    }

    /// <summary>Builds the stored forms of an extracted article.</summary>
    public (StoredArticle Article, StatementsDocument Statements) Describe(string key, Uri url, Article article, Uri? source)
    {
        var now = time.GetUtcNow();
        var stored = new StoredArticle(key, url.AbsoluteUri, now, source?.AbsoluteUri, article);
        var statements = new StatementsDocument(key, url.AbsoluteUri, article.CanonicalUrl, article.Title, article.SiteName, article.PublishedAt, now,
            source?.AbsoluteUri, article.Statements.Select(StatementRecord.From).ToList());
        return (stored, statements);
    }
}
