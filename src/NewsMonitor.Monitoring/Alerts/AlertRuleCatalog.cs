using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Alerts;

/// <summary>
/// The watch rules and channels: rules from the settings (<c>NEWSMONITOR_WATCH_SPEAKERS</c>,
/// <c>NEWSMONITOR_WATCH_KEYWORDS</c>), a local rules file (<c>--rules FILE</c>) and the rules file in the
/// store (<c>config/rules.json</c>, for the Functions app). Read at most once a minute. A broken rules file
/// is an error, not an empty rule set: articles are then not marked seen, and alert once it is fixed.
/// </summary>
public sealed class AlertRuleCatalog(IOptions<NewsMonitorOptions> options, IConfiguration configuration, IBlobStore blobs, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (AlertConfiguration Value, DateTimeOffset At)? _cached;

    public async Task<AlertConfiguration> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_cached is { } hit && time.GetUtcNow() - hit.At < CacheFor) return hit.Value;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } fresh && time.GetUtcNow() - fresh.At < CacheFor) return fresh.Value;
            var value = await LoadAsync(cancellationToken).ConfigureAwait(false);
            _cached = (value, time.GetUtcNow());
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AlertConfiguration> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var rules = new List<WatchRule>();
        var channels = new Dictionary<string, AlertChannel>(StringComparer.Ordinal);
        var queues = StorageClients.IsConfigured(configuration);

        void Add(string origin, (IReadOnlyList<WatchRule> Rules, IReadOnlyDictionary<string, AlertChannel> Channels) file)
        {
            foreach (var (name, channel) in file.Channels)
                if (!channels.TryAdd(name, channel)) throw new FormatException($"{origin}: channel '{name}' is defined twice.");
            foreach (var rule in file.Rules)
            {
                if (rules.Any(r => r.Id == rule.Id)) throw new FormatException($"{origin}: rule id '{rule.Id}' is defined twice.");
                rules.Add(rule);
            }
        }

        if (settings.RulesFile is { Length: > 0 } path)
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"Rules file {path} does not exist ({NewsMonitorSettings.RulesFile}).", path);
            Add(path, RulesFile.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), configuration, queues));
        }
        var stored = await blobs.GetAsync(StoreLayout.ConfigContainer, StoreLayout.RulesFileName, cancellationToken).ConfigureAwait(false);
        if (stored is not null) Add($"{StoreLayout.ConfigContainer}/{StoreLayout.RulesFileName}", RulesFile.Parse(stored.Content.ToString(), configuration, queues));
        foreach (var rule in settings.WatchSpeakers.Select(WatchRule.ForSpeaker).Concat(settings.WatchKeywords.Select(WatchRule.ForKeyword)))
            if (rules.All(r => r.Id != rule.Id)) rules.Add(rule);

        if (!channels.ContainsKey(AlertConfiguration.DefaultChannel))
        {
            channels[AlertConfiguration.DefaultChannel] = settings.AlertWebhook is { Length: > 0 } hook
                ? new AlertChannel(AlertConfiguration.DefaultChannel, AlertChannelType.Webhook, new Uri(hook))
                : new AlertChannel(AlertConfiguration.DefaultChannel, AlertChannelType.Log);
        }
        return new AlertConfiguration(rules, channels);
    }

    public void Dispose() => _gate.Dispose();
}
