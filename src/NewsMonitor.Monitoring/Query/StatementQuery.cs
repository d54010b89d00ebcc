using System.Globalization;
using NewsMonitor.Monitoring.Alerts;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Query;

/// <summary>Filters over stored statements. Null filters match everything.</summary>
/// <param name="Speaker">Words of the speaker's name (or mention, when unnamed).</param>
/// <param name="Text">Words that must occur in the statement text.</param>
/// <param name="Since">Articles published (or fetched, when the date is unknown) at or after this time.</param>
public sealed record StatementQuery(string? Speaker = null, string? Text = null, DateTimeOffset? Since = null, int Limit = 100)
{
    public const int MaxLimit = 1000;

    /// <summary>Parses the query parameters both the HTTP API and the CLI accept; errors name the parameter.</summary>
    public static bool TryParse(string? speaker, string? text, string? since, string? limit, out StatementQuery query, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateTimeOffset? sinceValue = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) sinceValue = parsed;
            else errors["since"] = [$"'{since}' is not a date; use ISO 8601, for example 2022-11-07 or 2022-11-07T09:30:00Z."];
        }
        var limitValue = 100;
        if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, NumberStyles.Integer, CultureInfo.InvariantCulture, out limitValue) || limitValue is < 1 or > MaxLimit))
            errors["limit"] = [$"'{limit}' is not a number from 1 to {MaxLimit}."];
        if (speaker is { Length: > 200 }) errors["speaker"] = ["At most 200 characters."];
        if (text is { Length: > 500 }) errors["q"] = ["At most 500 characters."];
        query = new StatementQuery(Blank(speaker), Blank(text), sinceValue, errors.ContainsKey("limit") ? 100 : limitValue);
        return errors.Count == 0;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal bool Matches(StatementsDocument document, StatementRecord statement)
    {
        if (Since is { } since && (document.PublishedAt ?? document.FetchedAt) < since) return false;
        if (Speaker is { } speaker && !WatchRule.Speaker(speaker).Matches(statement)) return false;
        if (Text is { } text && !WatchRule.Keyword(text).Matches(statement)) return false;
        return true;
    }
}

/// <summary>A statement found by a query, with the article it appeared in.</summary>
public sealed record StatementHit(
    string Id,
    string Kind,
    string Text,
    Extraction.Speaker? Speaker,
    string? Cue,
    int Start,
    int End,
    double Confidence,
    string ArticleKey,
    string Url,
    string? Title,
    string? SiteName,
    DateTimeOffset? PublishedAt,
    DateTimeOffset FetchedAt);
