using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace NewsMonitor.Monitoring.Fetching;

public enum FetchPurpose
{
    /// <summary>An article page: HTML (or XHTML) only.</summary>
    Article,
    /// <summary>A source: a feed, a sitemap, a URL list or a listing page.</summary>
    Source,
}

public enum FetchOutcome
{
    Fetched,
    NotModified,
    /// <summary>Not fetched on purpose (not HTML, disallowed by robots.txt): do not retry.</summary>
    Skipped,
    Failed,
    /// <summary>The host asked us to wait (429/503 Retry-After, Crawl-delay): try again at <see cref="FetchResult.RetryAt"/>.</summary>
    Deferred,
}

/// <summary>A page as fetched.</summary>
public sealed record FetchedPage(Uri Url, Uri FinalUrl, string? ContentType, byte[] Body, string? ETag, DateTimeOffset? LastModified);

/// <summary>What came of one fetch. Failures and skips carry a reason a person can act on.</summary>
public sealed record FetchResult(FetchOutcome Outcome, FetchedPage? Page, string? Reason, int? StatusCode = null, DateTimeOffset? RetryAt = null)
{
    public static FetchResult Failed(string reason, int? status = null) => new(FetchOutcome.Failed, null, reason, status);
    public static FetchResult Skipped(string reason, int? status = null) => new(FetchOutcome.Skipped, null, reason, status);
    public static FetchResult Deferred(string reason, DateTimeOffset retryAt, int? status = null) => new(FetchOutcome.Deferred, null, reason, status, retryAt);
}

/// <summary>Validators from an earlier fetch of the same URL, for a conditional GET.</summary>
public sealed record ConditionalHeaders(string? ETag, DateTimeOffset? LastModified);

/// <summary>
/// Fetches pages politely and safely: an honest User-Agent, per-host turns, redirects followed by hand
/// (each hop re-checked), a size cap counted after decompression, timeouts, and no connections to
/// private addresses unless the operator allows them.
/// </summary>
public sealed partial class PageFetcher(
    IHttpClientFactory clients,
    IOptions<NewsMonitorOptions> options,
    HostGate gate,
    RobotsPolicy robots,
    TimeProvider time,
    ILogger<PageFetcher> logger)
{
    public const string HttpClientName = "newsmonitor-fetch";

    private FetchOptions Options => options.Value.Fetch;

    public async Task<FetchResult> FetchAsync(Uri url, FetchPurpose purpose, ConditionalHeaders? conditional = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!UrlKeys.TryParseHttpUrl(url.OriginalString, out url))
            return FetchResult.Failed("only absolute http(s) URLs without credentials can be fetched");

        var client = clients.CreateClient(HttpClientName);
        var current = url;
        for (var hop = 0; hop <= Options.MaxRedirects; hop++)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Options.AttemptTimeout * (Options.Retries + 1) + Options.RetryDelay * 4);
            try
            {
                // A host that asked us to wait is not asked again early; a long wait is handed back, not slept.
                if (gate.PausedUntil(current.Host) is { } paused && paused - time.GetUtcNow() > Options.MaxInlineWait)
                    return FetchResult.Deferred($"{current.Host} asked us to wait until {paused:u}", paused);
                if (await robots.RefusalAsync(current, deadline.Token).ConfigureAwait(false) is { } refusal)
                    return refusal.StartsWith("disallowed", StringComparison.Ordinal)
                        ? FetchResult.Skipped(refusal)
                        : FetchResult.Deferred(refusal, time.GetUtcNow() + TimeSpan.FromMinutes(5));

                using var turn = await gate.EnterAsync(current.Host, deadline.Token).ConfigureAwait(false);
                using var request = CreateRequest(current, purpose, conditional);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;

                if (status is 429 or 503 && RetryAfter(response) is { } retryAt)
                {
                    // Rate limited: pause this host only, for as long as it asked.
                    gate.Pause(current.Host, retryAt);
                    LogPaused(current.Host, status, retryAt);
                    return FetchResult.Deferred($"HTTP {status}: {current.Host} asked us to wait until {retryAt:u}", retryAt, status);
                }

                if (status is >= 300 and < 400 && status != 304)
                {
                    if (response.Headers.Location is not { } location)
                        return FetchResult.Failed($"HTTP {status} redirect without a Location header", status);
                    var next = location.IsAbsoluteUri ? location : new Uri(current, location);
                    if (!UrlKeys.TryParseHttpUrl(next.AbsoluteUri, out next))
                        return FetchResult.Failed($"redirect to a non-http(s) URL refused: {location}", status);
                    LogRedirect(current, next, status);
                    current = next;
                    continue;
                }
                if (status == 304) return new FetchResult(FetchOutcome.NotModified, null, "not modified since the last fetch", status);
                if (status is < 200 or >= 300)
                    return FetchResult.Failed($"HTTP {status} {response.ReasonPhrase}".TrimEnd(), status);

                var contentType = response.Content.Headers.ContentType?.ToString();
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (!Accepts(purpose, mediaType))
                    return FetchResult.Skipped($"not {(purpose == FetchPurpose.Article ? "HTML" : "a feed, sitemap or list")}: {mediaType}", status);
                if (response.Content.Headers.ContentLength is { } declared && declared > Options.MaxBodyBytes)
                    return FetchResult.Failed($"body of {declared:N0} bytes exceeds the limit of {Options.MaxBodyBytes:N0}", status);

                var body = await ReadCappedAsync(response.Content, deadline.Token).ConfigureAwait(false);
                if (body is null)
                    return FetchResult.Failed($"body exceeds the limit of {Options.MaxBodyBytes:N0} bytes (after decompression)", status);
                if (mediaType is null && !LooksLikeMarkupOrText(body))
                    return FetchResult.Skipped("no content type and the body is not text", status);

                return new FetchResult(FetchOutcome.Fetched,
                    new FetchedPage(url, current, contentType, body, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified),
                    null, status);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return FetchResult.Failed($"timed out after {Options.AttemptTimeout.TotalSeconds:0.#} s per attempt");
            }
            catch (HttpRequestException e) when (FindRefusal(e) is { } refusal)
            {
                return FetchResult.Failed(refusal.Message);
            }
            catch (HttpRequestException e)
            {
                return FetchResult.Failed($"request failed: {e.Message}");
            }
            catch (Polly.Timeout.TimeoutRejectedException)
            {
                return FetchResult.Failed($"timed out after {Options.AttemptTimeout.TotalSeconds:0.#} s per attempt");
            }
        }
        return FetchResult.Failed($"more than {Options.MaxRedirects} redirects");
    }

    /// <summary>The Retry-After of a response as a time (delta seconds or an HTTP date), capped at a day.</summary>
    private DateTimeOffset? RetryAfter(HttpResponseMessage response)
    {
        var now = time.GetUtcNow();
        var header = response.Headers.RetryAfter;
        DateTimeOffset? at = header?.Delta is { } delta ? now + delta : header?.Date;
        if (at is null) return null;
        return at.Value > now + TimeSpan.FromDays(1) ? now + TimeSpan.FromDays(1) : at.Value < now ? now : at.Value;
    }

    private HttpRequestMessage CreateRequest(Uri url, FetchPurpose purpose, ConditionalHeaders? conditional)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", Options.UserAgent);
        request.Headers.TryAddWithoutValidation("Accept", purpose == FetchPurpose.Article
            ? "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
            : "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8,text/html;q=0.5,*/*;q=0.1");
        if (conditional?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
        if (conditional?.LastModified is { } modified) request.Headers.IfModifiedSince = modified;
        return request;
    }

    private static bool Accepts(FetchPurpose purpose, string? mediaType)
    {
        if (mediaType is null) return true; // decided by sniffing the body
        var type = mediaType.ToLowerInvariant();
        if (type.Contains("html", StringComparison.Ordinal)) return true;
        if (purpose == FetchPurpose.Article) return type is "text/plain" || type.EndsWith("+xml", StringComparison.Ordinal) && type.Contains("xhtml", StringComparison.Ordinal);
        return type.Contains("xml", StringComparison.Ordinal) || type is "text/plain" or "application/json" or "application/octet-stream";
    }

    private static bool LooksLikeMarkupOrText(byte[] body)
    {
        var head = body.AsSpan(0, Math.Min(body.Length, 512));
        return !head.Contains((byte)0);
    }

    private async Task<byte[]?> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var limit = Options.MaxBodyBytes;
        using var body = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > limit) return null;
                    body.Write(buffer, 0, read);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return body.ToArray();
    }

    private static AddressRefusedException? FindRefusal(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
            if (inner is AddressRefusedException refused) return refused;
        return null;
    }

    /// <summary>Connects only to addresses the policy allows; used as the handler's connect callback.</summary>
    internal static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivateNetwork, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = allowPrivateNetwork ? addresses : Array.FindAll(addresses, NetworkAddressPolicy.IsPublic);
        if (allowed.Length == 0)
            throw new AddressRefusedException(
                $"refused to connect to {host}: it resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, a loopback, private or reserved address " +
                $"(allow private networks explicitly, e.g. --allow-private-network or {NewsMonitorSettings.AllowPrivateNetwork}=true, for local sources)");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Host} answered {Status}; pausing requests to it until {Until}")]
    private partial void LogPaused(string host, int status, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redirect {Status} from {From} to {To}")]
    private partial void LogRedirect(Uri from, Uri to, int status);
}
