using System.Globalization;
using System.Text;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring.Index;

namespace NewsMonitor.Monitoring.Query;

/// <summary>Filters over stored statements. Null filters match everything. Results come newest first (by when first seen).</summary>
/// <param name="Speaker">Words of the speaker's name ("Qi", "Qi Xiaoxia"); for unnamed speakers, of the words naming them.</param>
/// <param name="Organization">Words of the speaker's organisation or role.</param>
/// <param name="Text">Words that must occur in the statement text.</param>
/// <param name="Since">Statements made public (earliest publication, else first seen) at or after this time.</param>
/// <param name="Until">... at or before this time.</param>
/// <param name="Host">Reported by this outlet: its host name, without "www.".</param>
/// <param name="Continuation">Where the previous page ended (from <see cref="StatementPage.Continuation"/>).</param>
public sealed record StatementQuery(
    string? Speaker = null,
    string? Text = null,
    DateTimeOffset? Since = null,
    int Limit = StatementQuery.DefaultLimit,
    string? Organization = null,
    DateTimeOffset? Until = null,
    string? Host = null,
    StatementKind? Kind = null,
    double? MinConfidence = null,
    string? Continuation = null)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The query parameters of the HTTP API and the options of <c>newsmon query</c>, by name.</summary>
    public static IReadOnlyList<string> Parameters { get; } = ["speaker", "organization", "q", "since", "until", "host", "kind", "minConfidence", "limit", "continuation"];

    /// <summary>Parses the parameters both the HTTP API and the CLI accept; errors name the parameter.</summary>
    /// <param name="parameter">The raw value of a parameter by name (see <see cref="Parameters"/>), or null.</param>
    public static bool TryParse(Func<string, string?> parameter, out StatementQuery query, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var since = ParseDate(parameter("since"), "since", errors);
        var until = ParseDate(parameter("until"), "until", errors, endOfDay: true);
        if (since is not null && until is not null && until < since) errors["until"] = ["Must not be before 'since'."];

        var limit = DefaultLimit;
        if (Blank(parameter("limit")) is { } limitText && (!int.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"'{limitText}' is not a number from 1 to {MaxLimit}."];
            limit = DefaultLimit;
        }

        StatementKind? kind = null;
        if (Blank(parameter("kind")) is { } kindText)
        {
            if (Enum.TryParse<StatementKind>(kindText, ignoreCase: true, out var parsedKind) && Enum.IsDefined(parsedKind) && !int.TryParse(kindText, out _)) kind = parsedKind;
            else errors["kind"] = [$"'{kindText}' is not one of direct, mixed, indirect."];
        }

        double? minConfidence = null;
        if (Blank(parameter("minConfidence")) is { } confidenceText)
        {
            if (double.TryParse(confidenceText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1) minConfidence = value;
            else errors["minConfidence"] = [$"'{confidenceText}' is not a number from 0 to 1."];
        }

        string? host = null;
        if (Blank(parameter("host")) is { } hostText)
        {
            host = hostText.Length <= 253 ? IndexLayout.HostKey(hostText) : null;
            if (host is null) errors["host"] = [$"'{Shorten(hostText)}' is not a host name, for example example.com."];
        }

        var speaker = Blank(parameter("speaker"));
        var organization = Blank(parameter("organization"));
        var text = Blank(parameter("q"));
        if (speaker is { Length: > 200 }) errors["speaker"] = ["At most 200 characters."];
        if (organization is { Length: > 200 }) errors["organization"] = ["At most 200 characters."];
        if (text is { Length: > 500 }) errors["q"] = ["At most 500 characters."];

        query = new StatementQuery(speaker, text, since, limit, organization, until, host, kind, minConfidence);
        if (Blank(parameter("continuation")) is { } token)
        {
            if (ContinuationToken.TryRead(token, query, out var position)) query = query with { Continuation = position };
            else errors["continuation"] = ["Not a continuation token of this query: pass the 'continuation' value of the previous page, with the same filters."];
        }
        return errors.Count == 0;
    }

    /// <summary>Filters a statement by what its summary holds (everything but the outlet).</summary>
    internal bool Matches(StatementSummary summary)
    {
        if (Since is { } since && summary.Time < since) return false;
        if (Until is { } until && summary.Time > until) return false;
        if (Kind is { } kind && summary.Kind != kind) return false;
        if (MinConfidence is { } min && summary.Confidence < min) return false;
        if (Speaker is { } speaker && !SpeakerKeys.Matches(summary.Speaker, summary.SpeakerKey, speaker)) return false;
        if (Organization is { } organization && !Words.Contains(Words.Normalise($"{summary.Organization} | {summary.Role}"), Words.Normalise(organization))) return false;
        if (Text is { } text && !Words.Contains(Words.Normalise(summary.Text), Words.Normalise(text))) return false;
        return true;
    }

    /// <summary>Filters a stored statement on every filter.</summary>
    internal bool Matches(StatementEntry entry) =>
        Matches(entry.Summarise()) && (Host is not { } host || entry.Sources.Any(s => s.Host == host));

    /// <summary>A fingerprint of the filters, so a continuation token is only accepted by the query that issued it.</summary>
    internal string Fingerprint() =>
        UrlKeys.Hash(string.Join('\u001f', Speaker, Text, Since?.ToString("O", CultureInfo.InvariantCulture), Until?.ToString("O", CultureInfo.InvariantCulture),
            Organization, Host, Kind, MinConfidence?.ToString(CultureInfo.InvariantCulture)))[..12];

    private static DateTimeOffset? ParseDate(string? value, string name, Dictionary<string, string[]> errors, bool endOfDay = false)
    {
        if (Blank(value) is not { } text) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            // "until=2022-11-07" means the whole day.
            var dateOnly = text.Length == 10;
            return endOfDay && dateOnly ? parsed.AddDays(1).AddTicks(-1) : parsed;
        }
        errors[name] = [$"'{Shorten(text)}' is not a date; use ISO 8601, for example 2022-11-07 or 2022-11-07T09:30:00Z."];
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";
}

/// <summary>Continuation tokens: where a page ended, bound to the query's filters. Opaque to callers.</summary>
internal static class ContinuationToken
{
    public static string Write(string position, StatementQuery query) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{position}|{query.Fingerprint()}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryRead(string token, StatementQuery query, out string position)
    {
        position = "";
        if (token.Length > 200) return false;
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
        Span<byte> bytes = stackalloc byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written)) return false;
        var parts = Encoding.UTF8.GetString(bytes[..written]).Split('|');
        if (parts.Length != 2 || parts[1] != query.Fingerprint() || !IndexLayout.TryParsePosition(parts[0], out var parsed, out _, out _)) return false;
        position = parsed;
        return true;
    }
}
