using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Alerts;

public enum WatchRuleKind { Speaker, Keyword }

/// <summary>A user's watch rule: alert when a statement's speaker or text matches.</summary>
/// <param name="Id">Stable id, derived from the rule; names the rule's alert blobs.</param>
public sealed record WatchRule(string Id, WatchRuleKind Kind, string Value)
{
    public static WatchRule Speaker(string name) => Create(WatchRuleKind.Speaker, name);

    public static WatchRule Keyword(string word) => Create(WatchRuleKind.Keyword, word);

    private static WatchRule Create(WatchRuleKind kind, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var normalised = Normalise(value);
        var slug = new string(normalised.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (slug.Length > 40) slug = slug[..40].TrimEnd('-');
        var id = $"{kind.ToString().ToLowerInvariant()}-{(slug.Length > 0 ? slug + "-" : "")}{UrlKeys.Hash(kind + ":" + normalised)[..8]}";
        return new WatchRule(id, kind, value.Trim());
    }

    public bool Matches(StatementRecord statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        var wanted = Normalise(Value);
        return Kind switch
        {
            WatchRuleKind.Speaker => statement.Speaker is { } speaker
                && (ContainsWords(Normalise(speaker.Name ?? ""), wanted) || (speaker.Name is null && ContainsWords(Normalise(speaker.Mention), wanted))),
            WatchRuleKind.Keyword => ContainsWords(Normalise(statement.Text), wanted),
            _ => false,
        };
    }

    internal static string Normalise(string text) => Words.Normalise(text);

    private static bool ContainsWords(string haystack, string needle) => Words.Contains(haystack, needle);
}
