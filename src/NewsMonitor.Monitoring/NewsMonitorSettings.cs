namespace NewsMonitor.Monitoring;

/// <summary>
/// The names of NewsMonitor's settings: app settings in Azure, environment variables or CLI overrides
/// locally. One list, so the infrastructure and the code cannot drift apart.
/// </summary>
public static class NewsMonitorSettings
{
    /// <summary>NCRONTAB schedule of the timer (six fields, UTC). Default: every 15 minutes.</summary>
    public const string Schedule = "NEWSMONITOR_SCHEDULE";

    /// <summary>Source URLs (feeds or URL lists), separated by newlines, spaces, commas or semicolons.</summary>
    public const string Sources = "NEWSMONITOR_SOURCES";

    /// <summary>A local sources file (JSON, see SourcesFile); the Functions app reads config/sources.json from its store instead.</summary>
    public const string SourcesFile = "NEWSMONITOR_SOURCES_FILE";

    /// <summary>A local rules file (JSON, see RulesFile); the Functions app reads config/rules.json from its store instead.</summary>
    public const string RulesFile = "NEWSMONITOR_RULES_FILE";

    /// <summary>Speaker names to alert on, separated by newlines, commas or semicolons.</summary>
    public const string WatchSpeakers = "NEWSMONITOR_WATCH_SPEAKERS";

    /// <summary>Keywords to alert on, separated by newlines, commas or semicolons.</summary>
    public const string WatchKeywords = "NEWSMONITOR_WATCH_KEYWORDS";

    /// <summary>URL that receives each alert as a JSON POST.</summary>
    public const string AlertWebhook = "NEWSMONITOR_ALERT_WEBHOOK";

    /// <summary>User-Agent sent with every request; should name a contact URL.</summary>
    public const string UserAgent = "NEWSMONITOR_USER_AGENT";

    /// <summary>"true" lets the fetcher reach loopback and private addresses (local testing only).</summary>
    public const string AllowPrivateNetwork = "NEWSMONITOR_ALLOW_PRIVATE_NETWORK";

    /// <summary>A local folder to store in instead of Azure Blob Storage.</summary>
    public const string StoreDirectory = "NEWSMONITOR_STORE_DIRECTORY";

    /// <summary>The storage connection the Functions host uses; NewsMonitor stores its blobs and queues there too.</summary>
    public const string Storage = "AzureWebJobsStorage";

    /// <summary>The settings a deployment sets (infra/app/function.bicep); a test compares the two.</summary>
    public static IReadOnlyList<string> Deployed { get; } = [Schedule, Sources, WatchSpeakers, WatchKeywords, AlertWebhook, UserAgent];

    /// <summary>Settings for local runs and tests only; a deployment leaves them unset.</summary>
    public static IReadOnlyList<string> LocalOnly { get; } = [AllowPrivateNetwork, StoreDirectory, SourcesFile, RulesFile];

    /// <summary>Set by Azure to turn on export to Application Insights.</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public const string DefaultSchedule = "0 */15 * * * *";

    public const string DefaultUserAgent = "NewsMonitor/1.0 (+https://github.com/newsmonitor/newsmonitor; news monitoring bot)";
}
