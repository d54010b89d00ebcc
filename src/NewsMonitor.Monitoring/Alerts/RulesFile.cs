using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NewsMonitor.Extraction;

namespace NewsMonitor.Monitoring.Alerts;

public enum AlertChannelType { Webhook, Slack, Teams, Queue, Log }

/// <summary>Where alerts go: a JSON webhook (HMAC-signed when it has a secret), a Slack or Teams incoming webhook, an Azure Storage queue, or the log.</summary>
/// <param name="Secret">The webhook's HMAC key, read from the setting the rules file names (never from the file itself).</param>
public sealed record AlertChannel(string Name, AlertChannelType Type, Uri? Url = null, string? Queue = null, string? Secret = null);

/// <summary>The rules and channels alerts are evaluated with.</summary>
public sealed record AlertConfiguration(IReadOnlyList<WatchRule> Rules, IReadOnlyDictionary<string, AlertChannel> Channels)
{
    public const string DefaultChannel = "default";

    /// <summary>The channels of a rule: its own, or the default channel.</summary>
    public IReadOnlyList<AlertChannel> ChannelsOf(WatchRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Channels.Count == 0 ? [Channels[DefaultChannel]] : rule.Channels.Select(c => Channels[c]).ToList();
    }
}

/// <summary>
/// The rules file (<c>--rules FILE</c>, <c>config/rules.json</c> in the store for the Functions app):
/// <code>
/// {
///   "channels": {
///     "ops":      {"type": "webhook", "url": "https://…", "secretSetting": "OPS_HOOK_SECRET"},
///     "newsroom": {"type": "slack", "url": "https://hooks.slack.com/services/…"},
///     "legal":    {"type": "teams", "url": "https://…"},
///     "pipeline": {"type": "queue", "queue": "newsmonitor-alerts"}
///   },
///   "rules": [
///     {"id": "qi-opening", "speaker": "Qi Xiaoxia", "organization": "Cyberspace Administration",
///      "keywords": ["opening up"], "pattern": "\\bwider\\b", "exclude": ["sport"], "minConfidence": 0.6,
///      "kinds": ["direct", "mixed"], "channels": ["ops", "newsroom"]}
///   ]
/// }
/// </code>
/// A rule without channels uses the "default" channel: the one the file defines under that name, else the
/// <c>NEWSMONITOR_ALERT_WEBHOOK</c> URL, else the log.
/// </summary>
public static class RulesFile
{
    private sealed record ChannelEntry(string? Type, string? Url, string? Queue, string? SecretSetting);

    private sealed record RuleEntry(
        string? Id, string? Speaker, string? Organization, string[]? Keywords, string? Pattern, string[]? Exclude, double? MinConfidence, string[]? Kinds, string[]? Channels);

    private sealed record Document(Dictionary<string, ChannelEntry>? Channels, RuleEntry[]? Rules);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Parses the file; errors name the rule or channel and the field, so a typo cannot silently drop an alert.</summary>
    /// <param name="configuration">Where <c>secretSetting</c> names are looked up (app settings, environment).</param>
    /// <param name="queuesAvailable">Whether an Azure Storage connection is configured for queue channels.</param>
    public static (IReadOnlyList<WatchRule> Rules, IReadOnlyDictionary<string, AlertChannel> Channels) Parse(string json, IConfiguration configuration, bool queuesAvailable)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Rules file is not valid: {e.Message}", e);
        }
        if (document is null) throw new FormatException("Rules file is empty.");

        var channels = new Dictionary<string, AlertChannel>(StringComparer.Ordinal);
        foreach (var (name, entry) in document.Channels ?? [])
            channels[name] = ParseChannel(name, entry, configuration, queuesAvailable);

        var rules = new List<WatchRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (document.Rules?.Length ?? 0); i++)
        {
            var rule = ParseRule(document.Rules![i], $"rules[{i}]");
            if (!ids.Add(rule.Id)) throw new FormatException($"rules[{i}]: the id '{rule.Id}' is used twice.");
            foreach (var channel in rule.Channels)
                if (!channels.ContainsKey(channel) && channel != AlertConfiguration.DefaultChannel)
                    throw new FormatException($"rules[{i}] ('{rule.Id}'): channel '{channel}' is not defined under \"channels\".");
            rules.Add(rule);
        }
        return (rules, channels);
    }

    private static AlertChannel ParseChannel(string name, ChannelEntry entry, IConfiguration configuration, bool queuesAvailable)
    {
        var where = $"channels.{name}";
        if (!WatchRule.IsValidId(name)) throw new FormatException($"{where}: channel names are lower-case letters, digits and hyphens.");
        if (!Enum.TryParse<AlertChannelType>(entry.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(entry.Type, out _))
            throw new FormatException($"{where}: \"type\" must be webhook, slack, teams, queue or log (got '{entry.Type}').");
        Uri? url = null;
        if (type is AlertChannelType.Webhook or AlertChannelType.Slack or AlertChannelType.Teams
            && (!Uri.TryCreate(entry.Url, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
            throw new FormatException($"{where}: \"url\" must be an http(s) URL.");
        if (type == AlertChannelType.Queue)
        {
            if (entry.Queue is not { Length: >= 3 and <= 63 } queue || !queue.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') || queue.Contains("--", StringComparison.Ordinal))
                throw new FormatException($"{where}: \"queue\" must be a queue name (3-63 lower-case letters, digits and single hyphens).");
            if (!queuesAvailable)
                throw new FormatException($"{where}: a queue channel needs an Azure Storage connection ({NewsMonitorSettings.Storage}, or --connection).");
        }
        string? secret = null;
        if (entry.SecretSetting is { } setting)
        {
            if (type != AlertChannelType.Webhook) throw new FormatException($"{where}: only webhook channels are signed; remove \"secretSetting\".");
            secret = configuration[setting];
            if (string.IsNullOrEmpty(secret)) throw new FormatException($"{where}: the setting '{setting}' named by \"secretSetting\" is not set.");
        }
        return new AlertChannel(name, type, url, entry.Queue, secret);
    }

    private static WatchRule ParseRule(RuleEntry entry, string where)
    {
        var id = entry.Id ?? "rule-" + Storage.StatementIds.For(JsonSerializer.Serialize(entry, Json))[..10];
        if (!WatchRule.IsValidId(id)) throw new FormatException($"{where}: \"id\" must be 1-60 lower-case letters, digits and hyphens (got '{id}').");
        where = $"{where} ('{id}')";
        Regex? pattern = null;
        if (entry.Pattern is { } text)
        {
            try
            {
                // Linear-time matching: a rule cannot stall processing however it is written.
                pattern = new Regex(text, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                throw new FormatException($"{where}: \"pattern\" is not a usable regular expression: {e.Message}", e);
            }
        }
        var kinds = new List<StatementKind>();
        foreach (var kind in entry.Kinds ?? [])
        {
            if (!Enum.TryParse<StatementKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
                throw new FormatException($"{where}: \"kinds\" may hold direct, mixed and indirect (got '{kind}').");
            kinds.Add(parsed);
        }
        if (entry.MinConfidence is { } min && min is < 0 or > 1)
            throw new FormatException($"{where}: \"minConfidence\" must be from 0 to 1 (got {min.ToString(CultureInfo.InvariantCulture)}).");
        var keywords = Clean(entry.Keywords);
        if (entry.Speaker is null && entry.Organization is null && keywords.Count == 0 && pattern is null)
            throw new FormatException($"{where}: a rule needs a speaker, an organization, keywords or a pattern; it would match every statement.");
        return new WatchRule(id)
        {
            Speaker = Blank(entry.Speaker),
            Organization = Blank(entry.Organization),
            Keywords = keywords,
            Pattern = pattern,
            Exclude = Clean(entry.Exclude),
            MinConfidence = entry.MinConfidence,
            Kinds = kinds,
            Channels = Clean(entry.Channels),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Clean(string[]? values) => (values ?? []).Select(Blank).Where(v => v is not null).Select(v => v!).Distinct(StringComparer.Ordinal).ToList();
}
