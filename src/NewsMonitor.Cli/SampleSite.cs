using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsMonitor.Cli;

/// <summary>
/// A small news site on 127.0.0.1 for <c>newsmon demo</c>: an RSS feed listing the seed article as three
/// publishers printed it (a WordPress blog, a modern newsroom, a windows-1252 table layout).
/// </summary>
internal sealed class SampleSite : IAsyncDisposable
{
    public static readonly IReadOnlyList<(string Path, string Resource, string ContentType, string Title)> Pages =
    [
        ("/observer/2022/11/07/china-publishes-white-paper/", "observer-wordpress.html", "text/html; charset=UTF-8", "Asia Pacific Observer"),
        ("/ledger/tech/2022/11/07/china-internet-white-paper", "ledger-newsroom.html", "text/html; charset=utf-8", "The Daily Ledger"),
        ("/newswire/china/2022-11/07/content_889.htm", "newswire-legacy.html", "text/html", "China News Wire"),
    ];

    private readonly WebApplication _app;

    private SampleSite(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public Uri FeedUrl => new(BaseUrl, "/feed.xml");

    public static async Task<SampleSite> StartAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/feed.xml", (HttpContext context) =>
        {
            var root = $"{context.Request.Scheme}://{context.Request.Host}";
            return Results.Text(Feed(root), "application/rss+xml; charset=utf-8");
        });
        foreach (var (path, resource, contentType, _) in Pages)
            app.MapGet(path, () => Results.Bytes(Resource(resource), contentType));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SampleSite(app, new Uri(address));
    }

    private static string Feed(string root)
    {
        var items = string.Concat(Pages.Select((p, i) => $"""
            <item>
              <title>China publishes white paper explaining its vision for the Internet</title>
              <link>{root}{p.Path}</link>
              <guid isPermaLink="true">{root}{p.Path}</guid>
              <pubDate>Mon, 07 Nov 2022 0{2 + i}:30:00 GMT</pubDate>
              <source url="{root}/feed.xml">{p.Title}</source>
            </item>
            """));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0">
              <channel>
                <title>NewsMonitor sample site</title>
                <link>{root}/</link>
                <description>The seed article, as three publishers printed it</description>
            {items}
              </channel>
            </rss>
            """;
    }

    internal static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SampleSite/" + name)
            ?? throw new InvalidOperationException($"The sample page {name} is not embedded in this build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
