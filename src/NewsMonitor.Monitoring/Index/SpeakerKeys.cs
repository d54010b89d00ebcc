using NewsMonitor.Extraction;

namespace NewsMonitor.Monitoring.Index;

/// <summary>
/// A speaker's identity across articles: the resolved name compared as words, without a leading
/// honorific. "Qi Xiaoxia", "QI Xiaoxia" and "Ms Qi Xiaoxia" are one key. A bare "Ms Qi" is one person
/// only where the article names her in full (the extractor resolves it then); otherwise it is its own key.
/// </summary>
public static class SpeakerKeys
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend",
    };

    /// <summary>The key of a statement's speaker, or null when the speaker has no name (a pronoun or description left unresolved).</summary>
    public static string? For(Speaker? speaker) => speaker?.Name is { } name ? For(name) : null;

    /// <summary>
    /// Lower-case ASCII words joined by hyphens ("qi-xiaoxia"), usable in a blob name. Names in other
    /// scripts become "x-" and a hash of their words.
    /// </summary>
    public static string? For(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = Words.Split(name).SkipWhile(Honorifics.Contains).ToArray();
        if (words.Length == 0) return null;
        if (words.Any(w => !w.All(char.IsAsciiLetterOrDigit))) return "x-" + UrlKeys.Hash(string.Join(' ', words))[..20];
        var key = string.Join('-', words);
        return key.Length <= 80 ? key : key[..60].TrimEnd('-') + "-" + UrlKeys.Hash(key)[..12];
    }

    /// <summary>True when every word of <paramref name="query"/> is a word of the key ("qi" matches "qi-xiaoxia").</summary>
    public static bool KeyContainsWords(string key, string query)
    {
        ArgumentNullException.ThrowIfNull(key);
        var keyWords = key.Split('-');
        var wanted = Words.Split(query).SkipWhile(Honorifics.Contains).ToArray();
        return wanted.Length > 0 && wanted.All(w => keyWords.Contains(w, StringComparer.Ordinal));
    }

    /// <summary>
    /// True when a speaker named <paramref name="name"/> (key <paramref name="key"/>, null when unnamed)
    /// answers to <paramref name="query"/>: the query's words, honorifics aside, are words of the name.
    /// </summary>
    public static bool Matches(string? name, string? key, string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (key is not null && !key.StartsWith("x-", StringComparison.Ordinal) && KeyContainsWords(key, query)) return true;
        return name is not null && Words.Contains(Words.Normalise(name), Words.Normalise(query));
    }
}
