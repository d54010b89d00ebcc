namespace NewsMonitor.Monitoring;

public sealed class FetchOptions
{
    public string UserAgent { get; set; } = NewsMonitorSettings.DefaultUserAgent;

    /// <summary>Largest body accepted, counted after decompression so a compressed bomb stops here too.</summary>
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time for one request, headers and body, on one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRedirects { get; set; } = 5;

    /// <summary>Retries for transient failures (connection errors, 408, 429, 5xx).</summary>
    public int Retries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many requests in flight to one host.</summary>
    public int MaxConcurrentPerHost { get; set; } = 2;

    /// <summary>At least this long between the starts of two requests to one host.</summary>
    public TimeSpan MinIntervalPerHost { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Honour robots.txt (on; turn off only for your own sites, e.g. benchmarks).</summary>
    public bool RespectRobotsTxt { get; set; } = true;

    /// <summary>A Crawl-delay longer than this is capped here (a host asking for an hour between pages is not followed literally).</summary>
    public TimeSpan MaxCrawlDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A host that asks us to wait (429/503 Retry-After) longer than this is not waited for in process: the work is deferred.</summary>
    public TimeSpan MaxInlineWait { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Lets the fetcher reach loopback, private and link-local addresses. Off outside local testing.</summary>
    public bool AllowPrivateNetwork { get; set; }
}
