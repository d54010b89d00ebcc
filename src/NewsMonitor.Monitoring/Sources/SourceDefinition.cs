using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace NewsMonitor.Monitoring.Sources;

public enum SourceKind { Auto, Feed, Sitemap, Listing, UrlList }

/// <summary>A source to watch and how: its kind, which of its links to take, how old is too old, how often to poll.</summary>
public sealed record SourceDefinition(Uri Url)
{
    public SourceKind Kind { get; init; } = SourceKind.Auto;
    public string? Name { get; init; }

    /// <summary>Only article URLs matching one of these (regular expressions) are taken; none means all.</summary>
    public IReadOnlyList<Regex> Include { get; init; } = [];

    /// <summary>Article URLs matching any of these are left out.</summary>
    public IReadOnlyList<Regex> Exclude { get; init; } = [];

    /// <summary>Items published longer ago than this are skipped (undated items are kept).</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Poll no more often than this, whatever the schedule.</summary>
    public TimeSpan? Interval { get; init; }

    public bool Accepts(Uri article)
    {
        var url = article.AbsoluteUri;
        if (Exclude.Any(r => r.IsMatch(url))) return false;
        return Include.Count == 0 || Include.Any(r => r.IsMatch(url));
    }
}

/// <summary>
/// The sources file: <c>{"sources": [{"url": "...", "kind": "sitemap", "include": ["/news/"], "exclude": ["/video/"],
/// "maxAge": "3d", "interval": "1h", "name": "..."}]}</c>. Durations are a number and s, m, h or d.
/// </summary>
public static class SourcesFile
{
    private sealed record Entry(
        string? Url, string? Kind, string? Name, string[]? Include, string[]? Exclude, string? MaxAge, string? Interval);

    private sealed record Document(Entry[]? Sources);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Parses the file; errors name the entry and field, so a typo cannot silently drop a source.</summary>
    public static IReadOnlyList<SourceDefinition> Parse(string json)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Sources file is not valid: {e.Message}", e);
        }
        var sources = new List<SourceDefinition>();
        var entries = document?.Sources ?? throw new FormatException("Sources file needs a \"sources\" array.");
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            var where = $"sources[{i}]";
            if (!UrlKeys.TryParseHttpUrl(entry.Url, out var url)) throw new FormatException($"{where}.url '{entry.Url}' is not an http(s) URL.");
            var kind = SourceKind.Auto;
            if (entry.Kind is { } k && !Enum.TryParse(k.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out kind))
                throw new FormatException($"{where}.kind '{k}' is not one of auto, feed, sitemap, listing, url-list.");
            sources.Add(new SourceDefinition(url)
            {
                Kind = kind,
                Name = entry.Name,
                Include = Patterns(entry.Include, $"{where}.include"),
                Exclude = Patterns(entry.Exclude, $"{where}.exclude"),
                MaxAge = entry.MaxAge is null ? null : Duration(entry.MaxAge, $"{where}.maxAge"),
                Interval = entry.Interval is null ? null : Duration(entry.Interval, $"{where}.interval"),
            });
        }
        return sources;
    }

    private static Regex[] Patterns(string[]? patterns, string where)
    {
        if (patterns is null) return [];
        var regexes = new Regex[patterns.Length];
        for (var i = 0; i < patterns.Length; i++)
        {
            try
            {
                // A timeout: patterns come from users, URLs from the web.
                regexes[i] = new Regex(patterns[i], RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"{where}[{i}] '{patterns[i]}' is not a regular expression: {e.Message}", e);
            }
        }
        return regexes;
    }

    /// <summary>"30m", "2h", "3d", "45s", or a .NET TimeSpan ("01:00:00").</summary>
    public static TimeSpan Duration(string value, string where)
    {
        var text = value.Trim();
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0)
        {
            switch (char.ToLowerInvariant(text[^1]))
            {
                case 's': return TimeSpan.FromSeconds(amount);
                case 'm': return TimeSpan.FromMinutes(amount);
                case 'h': return TimeSpan.FromHours(amount);
                case 'd': return TimeSpan.FromDays(amount);
            }
        }
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero) return span;
        throw new FormatException($"{where} '{value}' is not a duration like 30m, 2h or 3d.");
    }
}
