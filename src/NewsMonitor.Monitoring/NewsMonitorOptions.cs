using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NCrontab;

namespace NewsMonitor.Monitoring;

/// <summary>NewsMonitor's settings, bound once from configuration (see <see cref="NewsMonitorSettings"/>).</summary>
public sealed class NewsMonitorOptions
{
    public string Schedule { get; set; } = NewsMonitorSettings.DefaultSchedule;
    public List<string> Sources { get; set; } = [];

    /// <summary>A local sources file to read as well (CLI).</summary>
    public string? SourcesFile { get; set; }
    /// <summary>A local rules file to read as well (CLI).</summary>
    public string? RulesFile { get; set; }
    public List<string> WatchSpeakers { get; set; } = [];
    public List<string> WatchKeywords { get; set; } = [];
    public string? AlertWebhook { get; set; }
    public string? StoreDirectory { get; set; }

    public FetchOptions Fetch { get; set; } = new();

    public AlertDeliveryOptions Alerts { get; set; } = new();

    /// <summary>How many articles one cycle fetches from one source at most (newest first).</summary>
    public int MaxArticlesPerSource { get; set; } = 200;

    /// <summary>
    /// How long after fetching an article a source's newer <c>updated</c>/<c>lastmod</c> date makes us fetch it
    /// again. Some sites stamp every sitemap entry with the current time; this keeps them from being re-read every poll.
    /// </summary>
    public TimeSpan MinRevisitInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many articles the local cycle processes at once (across hosts).</summary>
    public int MaxParallelArticles { get; set; } = 4;

    internal static void Bind(NewsMonitorOptions options, IConfiguration configuration)
    {
        options.Schedule = configuration[NewsMonitorSettings.Schedule] is { Length: > 0 } schedule ? schedule : options.Schedule;
        options.Sources = SplitList(configuration[NewsMonitorSettings.Sources]) ?? options.Sources;
        options.SourcesFile = configuration[NewsMonitorSettings.SourcesFile] is { Length: > 0 } file ? file : options.SourcesFile;
        options.RulesFile = configuration[NewsMonitorSettings.RulesFile] is { Length: > 0 } rules ? rules : options.RulesFile;
        options.WatchSpeakers = SplitList(configuration[NewsMonitorSettings.WatchSpeakers], allowSpaces: true) ?? options.WatchSpeakers;
        options.WatchKeywords = SplitList(configuration[NewsMonitorSettings.WatchKeywords], allowSpaces: true) ?? options.WatchKeywords;
        options.AlertWebhook = configuration[NewsMonitorSettings.AlertWebhook] is { Length: > 0 } hook ? hook : options.AlertWebhook;
        options.StoreDirectory = configuration[NewsMonitorSettings.StoreDirectory] is { Length: > 0 } dir ? dir : options.StoreDirectory;
        options.Fetch.UserAgent = configuration[NewsMonitorSettings.UserAgent] is { Length: > 0 } ua ? ua : options.Fetch.UserAgent;
        if (bool.TryParse(configuration[NewsMonitorSettings.AllowPrivateNetwork], out var allow)) options.Fetch.AllowPrivateNetwork = allow;
        configuration.GetSection("NewsMonitor").Bind(options);
    }

    internal static List<string>? SplitList(string? value, bool allowSpaces = false)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        char[] separators = allowSpaces ? ['\n', '\r', ',', ';'] : ['\n', '\r', ',', ';', ' ', '\t'];
        return value.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }
}

/// <summary>Rejects settings NewsMonitor cannot run with, naming the setting, at start-up.</summary>
internal sealed class NewsMonitorOptionsValidator : IValidateOptions<NewsMonitorOptions>
{
    public ValidateOptionsResult Validate(string? name, NewsMonitorOptions options)
    {
        var errors = new List<string>();
        if (CrontabSchedule.TryParse(options.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
            errors.Add($"{NewsMonitorSettings.Schedule} '{options.Schedule}' is not an NCRONTAB expression with six fields (second minute hour day month weekday).");
        foreach (var source in options.Sources)
            if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                errors.Add($"{NewsMonitorSettings.Sources}: '{source}' is not an http(s) URL.");
        if (options.AlertWebhook is { } hook && (!Uri.TryCreate(hook, UriKind.Absolute, out var hookUri) || (hookUri.Scheme != Uri.UriSchemeHttp && hookUri.Scheme != Uri.UriSchemeHttps)))
            errors.Add($"{NewsMonitorSettings.AlertWebhook}: '{hook}' is not an http(s) URL.");
        if (string.IsNullOrWhiteSpace(options.Fetch.UserAgent))
            errors.Add($"{NewsMonitorSettings.UserAgent} must not be empty.");
        if (options.Fetch.MaxBodyBytes <= 0) errors.Add("NewsMonitor:Fetch:MaxBodyBytes must be positive.");
        if (options.MaxParallelArticles <= 0) errors.Add("NewsMonitor:MaxParallelArticles must be positive.");
        if (options.Alerts.Retries is < 0 or > 10) errors.Add("NewsMonitor:Alerts:Retries must be from 0 to 10.");
        if (options.MinRevisitInterval < TimeSpan.Zero) errors.Add("NewsMonitor:MinRevisitInterval must not be negative.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>How alerts are delivered to webhooks: retries with exponential backoff, then the dead-letter record.</summary>
public sealed class AlertDeliveryOptions
{
    /// <summary>Retries after the first attempt, for connection errors, timeouts, 408, 429 and 5xx.</summary>
    public int Retries { get; set; } = 4;

    /// <summary>The first retry's delay; each next one doubles it (with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A record still Pending this long after its last change was left by a crash: it is delivered again.</summary>
    public TimeSpan PendingLease { get; set; } = TimeSpan.FromMinutes(5);
}
