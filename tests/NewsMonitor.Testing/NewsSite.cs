using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace NewsMonitor.Testing;

/// <summary>A request the news site received.</summary>
public sealed record ReceivedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 that plays news sites in tests: pages, feeds, redirects, slow and
/// failing responses, and a webhook receiver. Routes are set per test; requests are recorded.
/// </summary>
public sealed class NewsSite : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> _requests = new();
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyCollection<ReceivedRequest> Requests => _requests;

    public Uri Url(string path) => new(BaseUrl, path);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            _requests.Enqueue(new ReceivedRequest(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body));
            if (_routes.TryGetValue(context.Request.Path.Value ?? "/", out var handler))
            {
                await handler(context).ConfigureAwait(false);
                return;
            }
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("not found", context.RequestAborted).ConfigureAwait(false);
        });
        await _app.StartAsync().ConfigureAwait(false);
        BaseUrl = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    /// <summary>Serves <paramref name="handler"/> at <paramref name="path"/>; returns the absolute URL.</summary>
    public Uri Map(string path, Func<HttpContext, Task> handler)
    {
        _routes[path] = handler;
        return Url(path);
    }

    public Uri Serve(string path, byte[] body, string contentType, int status = 200) => Map(path, async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    });

    public Uri Serve(string path, string body, string contentType = "text/html; charset=utf-8", int status = 200) =>
        Serve(path, Encoding.UTF8.GetBytes(body), contentType, status);

    public Uri Redirect(string path, string location, int status = 302) => Map(path, context =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = location;
        return Task.CompletedTask;
    });

    /// <summary>An RSS 2.0 feed listing the given URLs.</summary>
    public Uri ServeRss(string path, params Uri[] items)
    {
        var entries = string.Concat(items.Select((u, i) =>
            $"<item><title>Item {i}</title><link>{u}</link><guid>{u}</guid><pubDate>Mon, 07 Nov 2022 {10 + i:00}:00:00 GMT</pubDate></item>"));
        return Serve(path, $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test feed</title><link>{BaseUrl}</link><description>t</description>{entries}</channel></rss>",
            "application/rss+xml; charset=utf-8");
    }

    /// <summary>
    /// An Atom feed built on every request from <paramref name="entries"/> (URL and updated date), so a test
    /// can change what the feed says between polls. Dates carry milliseconds, as RFC 3339 allows.
    /// </summary>
    public Uri ServeAtom(string path, Func<IEnumerable<(Uri Url, DateTimeOffset Updated)>> entries) => Map(path, context =>
    {
        static string Date(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var list = entries().ToList();
        var items = string.Concat(list.Select((e, i) =>
            $"<entry><title>Item {i}</title><id>{e.Url}</id><link href=\"{e.Url}\"/><published>2022-11-07T09:00:00Z</published><updated>{Date(e.Updated)}</updated></entry>"));
        var newest = list.Count == 0 ? DateTimeOffset.UnixEpoch : list.Max(e => e.Updated);
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        return context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Test feed</title><id>{BaseUrl}</id><updated>{Date(newest)}</updated>{items}</feed>");
    });

    public IReadOnlyList<ReceivedRequest> RequestsTo(string path) => _requests.Where(r => r.Path == path).ToList();

    public async Task DisposeAsync()
    {
        if (_app is null) return;
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
