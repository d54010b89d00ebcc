namespace NewsMonitor.Monitoring.Storage;

/// <summary>
/// Where NewsMonitor keeps things. Article blobs are named by a hash of the canonical URL, so the same
/// article always lands on the same names and a second write changes nothing.
/// </summary>
/// <remarks>
/// <code>
/// raw/{key}.html                       the page as fetched (latest version)
/// raw/versions/{key}/{n}.html          an earlier version of the page, kept when its text changed
/// articles/{key}.json                  the clean article (latest version, with "version": n)
/// articles/versions/{key}/{n}.json     an earlier version of the article, with its statements
/// statements/{key}.json                the latest version's statements, with the article's title, URL and dates
/// index/...                            statements once across outlets, speakers, and query markers (see IndexLayout)
/// alerts/{rule}/{statementId}.json     one per (rule, statement): written before delivery, so each alerts once
/// alerts/_failed/{rule}/{statementId}.json  an alert some channel gave up on: `newsmon alerts --failed`
/// state/urls/{urlKey}.json             a fetched URL and the article it led to: seen, skip next time
/// state/failures/{date}/{urlKey}.json  the last failure for a URL that day, with its reason
/// state/sources/{urlKey}.json          a source's last poll: when, and its ETag / Last-Modified
/// state/hosts/{hostHash}.json          a host's next free request slot (shared pacing, Functions app)
/// config/sources.json                  the sources file (optional)
/// config/rules.json                    the watch rules and alert channels (optional)
/// </code>
/// </remarks>
public static class StoreLayout
{
    public const string RawContainer = "raw";
    public const string ArticlesContainer = "articles";
    public const string StatementsContainer = "statements";
    public const string AlertsContainer = "alerts";
    public const string StateContainer = "state";
    public const string ConfigContainer = "config";
    public const string SourcesFileName = "sources.json";
    public const string RulesFileName = "rules.json";

    public static IReadOnlyList<string> Containers { get; } = [RawContainer, ArticlesContainer, StatementsContainer, Index.IndexLayout.Container, AlertsContainer, StateContainer, ConfigContainer];

    public static string RawName(string key) => $"{key}.html";
    public static string ArticleName(string key) => $"{key}.json";
    public static string StatementsName(string key) => $"{key}.json";
    public static string RawVersionName(string key, int version) => $"versions/{key}/{version}.html";
    public static string ArticleVersionName(string key, int version) => $"versions/{key}/{version}.json";
    public static string SeenUrlName(string urlKey) => $"urls/{urlKey}.json";
    public static string FailureName(DateTimeOffset at, string urlKey) => $"failures/{at.UtcDateTime:yyyy-MM-dd}/{urlKey}.json";
    public static string AlertName(string ruleId, string statementId) => $"{ruleId}/{statementId}.json";
    public const string FailedAlertsPrefix = "_failed/";
    public static string FailedAlertName(string ruleId, string statementId) => $"{FailedAlertsPrefix}{ruleId}/{statementId}.json";
    public static string SourceStateName(string urlKey) => $"sources/{urlKey}.json";

    /// <summary>The key in a statements or article blob name ("{key}.json").</summary>
    public static string KeyOf(string blobName) => Path.GetFileNameWithoutExtension(blobName);
}
