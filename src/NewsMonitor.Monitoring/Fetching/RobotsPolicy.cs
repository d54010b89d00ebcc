using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.Monitoring.Fetching;

/// <summary>
/// robots.txt per host, fetched once and cached. 2xx: parsed; 4xx: no rules (allowed); 5xx or no answer:
/// the host is not fetched this time (a broken robots.txt is not permission).
/// </summary>
public sealed partial class RobotsPolicy(IHttpClientFactory clients, FetchOptions options, HostGate gate, TimeProvider time, ILogger<RobotsPolicy> logger)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);
    private static readonly TimeSpan RetryUnavailableAfter = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Lazy<Task<(RobotsTxt? Robots, DateTimeOffset Expires)>>> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The product token robots.txt groups are matched against: the User-Agent's first word ("NewsMonitor").</summary>
    public string ProductToken => options.UserAgent.Split('/', ' ')[0];

    /// <summary>Null when the URL may be fetched; otherwise why not.</summary>
    public async Task<string?> RefusalAsync(Uri url, CancellationToken cancellationToken)
    {
        if (!options.RespectRobotsTxt) return null;
        var robots = await GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (robots is null) return $"robots.txt of {url.Authority} could not be read; not fetching until it can";
        return robots.Allows(url.PathAndQuery) ? null : $"disallowed by robots.txt of {url.Authority} for {ProductToken}";
    }

    private async Task<RobotsTxt?> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        var key = $"{url.Scheme}://{url.Authority}";
        while (true)
        {
            var lazy = _hosts.GetOrAdd(key, k => new Lazy<Task<(RobotsTxt?, DateTimeOffset)>>(() => FetchAsync(new Uri(k + "/robots.txt"))));
            var (robots, expires) = await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (expires > time.GetUtcNow()) return robots;
            _hosts.TryRemove(new KeyValuePair<string, Lazy<Task<(RobotsTxt?, DateTimeOffset)>>>(key, lazy));
        }
    }

    private async Task<(RobotsTxt?, DateTimeOffset)> FetchAsync(Uri robotsUrl)
    {
        var now = time.GetUtcNow();
        try
        {
            using var deadline = new CancellationTokenSource(options.AttemptTimeout);
            using var turn = await gate.EnterAsync(robotsUrl.Host, deadline.Token).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, robotsUrl);
            request.Headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
            using var response = await clients.CreateClient(PageFetcher.HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 400 and < 500 && status != 429) return (RobotsTxt.AllowAll, now + CacheFor);
            if (status is < 200 or >= 300) return (null, now + RetryUnavailableAfter);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            if (body.Length > 512 * 1024) body = body[..(512 * 1024)]; // RFC 9309: at least 500 KiB must be read
            var robots = RobotsTxt.Parse(body, ProductToken);
            if (robots.CrawlDelay is { } delay) gate.SetMinimumInterval(robotsUrl.Host, delay);
            return (robots, now + CacheFor);
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException)
        {
            // The page fetch will be refused for the same reason, and say so; robots.txt has nothing to add.
            return (RobotsTxt.AllowAll, now + RetryUnavailableAfter);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or Polly.Timeout.TimeoutRejectedException)
        {
            LogUnavailable(robotsUrl, e.Message);
            return (null, now + RetryUnavailableAfter);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "robots.txt at {Url} unavailable: {Reason}")]
    private partial void LogUnavailable(Uri url, string reason);
}
