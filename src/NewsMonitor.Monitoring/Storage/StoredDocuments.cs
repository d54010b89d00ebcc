using NewsMonitor.Extraction;

namespace NewsMonitor.Monitoring.Storage;

/// <summary>A statement as stored and queried: the extractor's statement plus a stable id.</summary>
/// <param name="Id">Derived from the normalised statement text: the same words reported by two outlets share an id.</param>
public sealed record StatementRecord(string Id, StatementKind Kind, string Text, Speaker? Speaker, string? Cue, int Start, int End, double Confidence)
{
    public static StatementRecord From(Statement statement) => new(
        StatementIds.For(statement.Text), statement.Kind, statement.Text, statement.Speaker, statement.Cue, statement.Start, statement.End, statement.Confidence);
}

/// <summary>The statements of one article with what a reader of them needs: where and when they were published.</summary>
public sealed record StatementsDocument(
    string ArticleKey,
    string Url,
    string? CanonicalUrl,
    string? Title,
    string? SiteName,
    DateTimeOffset? PublishedAt,
    DateTimeOffset FetchedAt,
    string? SourceUrl,
    IReadOnlyList<StatementRecord> Statements);

/// <summary>An article as stored: the extracted article (with its statements) and how it was fetched.</summary>
public sealed record StoredArticle(string Key, string Url, DateTimeOffset FetchedAt, string? SourceUrl, Article Article)
{
    /// <summary>1 for the first text stored; each changed text found on a revisit adds one (earlier versions are kept, see <see cref="StoreLayout"/>).</summary>
    public int Version { get; init; } = 1;

    /// <summary>The page's validators, sent on a revisit so an unchanged page costs a 304.</summary>
    public string? ETag { get; init; }
    public DateTimeOffset? LastModified { get; init; }
}

/// <summary>A URL that was fetched and processed, and the article it led to.</summary>
public sealed record SeenUrl(string Url, string ArticleKey, DateTimeOffset SeenAt);

/// <summary>Why a URL could not be processed, kept so failures are visible and retried rather than lost.</summary>
public sealed record FailureRecord(string Url, string Stage, string Reason, DateTimeOffset At, string? SourceUrl);

/// <summary>Stable statement ids.</summary>
public static class StatementIds
{
    /// <summary>Hash of the text compared as words (<see cref="Words.Normalise"/>): case, punctuation, quote marks and spacing do not count.</summary>
    public static string For(string text) => UrlKeys.Hash(Words.Normalise(text));

    /// <summary>True for what <see cref="For"/> returns (32 lower-case hex digits): anything else is not looked up.</summary>
    public static bool IsValid(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);
}
