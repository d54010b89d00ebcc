using System.Globalization;
using System.Text.RegularExpressions;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring.Index;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Alerts;

/// <summary>
/// A user's watch rule: alert when a statement matches every condition given. Speaker and organisation
/// match words of the name (or of the organisation or role); keywords match words of the text (any one of
/// them); the pattern is a regular expression over the text; excluded words veto.
/// </summary>
/// <param name="Id">Names the rule's alert blobs: lower-case letters, digits and hyphens.</param>
public sealed record WatchRule(string Id)
{
    public string? Speaker { get; init; }
    public string? Organization { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public Regex? Pattern { get; init; }
    public IReadOnlyList<string> Exclude { get; init; } = [];
    public double? MinConfidence { get; init; }
    public IReadOnlyList<StatementKind> Kinds { get; init; } = [];

    /// <summary>Channel names (see <see cref="AlertChannel"/>); none means the default channel.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>What the rule watches, for people reading an alert.</summary>
    public string Description => string.Join("; ", new[]
    {
        Speaker is null ? null : $"speaker {Speaker}",
        Organization is null ? null : $"organisation {Organization}",
        Keywords.Count == 0 ? null : $"keywords {string.Join(", ", Keywords)}",
        Pattern is null ? null : $"pattern /{Pattern}/",
        Exclude.Count == 0 ? null : $"not {string.Join(", ", Exclude)}",
        MinConfidence is null ? null : $"confidence ≥ {MinConfidence.Value.ToString("0.##", CultureInfo.InvariantCulture)}",
        Kinds.Count == 0 ? null : string.Join("/", Kinds.Select(k => k.ToString().ToLowerInvariant())),
    }.Where(p => p is not null));

    /// <summary>The rule the <c>NEWSMONITOR_WATCH_SPEAKERS</c> setting makes of one name.</summary>
    public static WatchRule ForSpeaker(string name) => new(SettingId("speaker", name)) { Speaker = name.Trim() };

    /// <summary>The rule the <c>NEWSMONITOR_WATCH_KEYWORDS</c> setting makes of one keyword.</summary>
    public static WatchRule ForKeyword(string word) => new(SettingId("keyword", word)) { Keywords = [word.Trim()] };

    private static string SettingId(string kind, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var normalised = Words.Normalise(value);
        var slug = new string(normalised.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
        var kindName = char.ToUpperInvariant(kind[0]) + kind[1..];
        return $"{kind}-{(slug.Length > 0 ? slug + "-" : "")}{UrlKeys.Hash(kindName + ":" + normalised)[..8]}";
    }

    /// <summary>True for ids a rules file may use: they become blob name segments.</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: >= 1 and <= 60 } && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && id[0] != '-' && id[^1] != '-';

    public bool Matches(StatementRecord statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (MinConfidence is { } min && statement.Confidence < min) return false;
        if (Kinds.Count > 0 && !Kinds.Contains(statement.Kind)) return false;
        if (Speaker is { } speaker)
        {
            var name = statement.Speaker?.Name ?? statement.Speaker?.Mention;
            if (!SpeakerKeys.Matches(name, SpeakerKeys.For(statement.Speaker), speaker)) return false;
        }
        if (Organization is { } organization
            && !Words.Contains(Words.Normalise($"{statement.Speaker?.Organization} | {statement.Speaker?.Role}"), Words.Normalise(organization))) return false;
        var text = Keywords.Count > 0 || Exclude.Count > 0 ? Words.Normalise(statement.Text) : "";
        if (Keywords.Count > 0 && !Keywords.Any(k => Words.Contains(text, Words.Normalise(k)))) return false;
        if (Exclude.Any(x => Words.Contains(text, Words.Normalise(x)))) return false;
        if (Pattern is { } pattern && !pattern.IsMatch(statement.Text)) return false;
        return true;
    }
}
