using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Monitoring.Fetching;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>The fetcher against a real HTTP server on loopback.</summary>
public sealed class PageFetcherTests : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly TempFolder _folder = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        var settings = NewsMonitorHost.LoopbackSettings(_folder.Path);
        settings["NewsMonitor:Fetch:MaxBodyBytes"] = "100000";
        settings["NewsMonitor:Fetch:AttemptTimeout"] = "00:00:03"; // a hang times out quickly; a cold loopback robots.txt is never late
        settings[NewsMonitorSettings.UserAgent] = "NewsMonitorTest/1.0 (+https://example.org/contact)";
        _host = NewsMonitorHost.Build(settings);
    }

    private Task<FetchResult> Fetch(Uri url, FetchPurpose purpose = FetchPurpose.Article) => _host.Get<PageFetcher>().FetchAsync(url, purpose);

    [Fact]
    public async Task A_page_is_fetched_with_the_configured_user_agent()
    {
        var url = _site.Serve("/page", "<html><body><p>Hello</p></body></html>");
        var result = await Fetch(url);
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal("<html><body><p>Hello</p></body></html>", System.Text.Encoding.UTF8.GetString(result.Page!.Body));
        Assert.Equal("NewsMonitorTest/1.0 (+https://example.org/contact)", Assert.Single(_site.RequestsTo("/page")).Headers["User-Agent"]);
    }

    [Fact]
    public async Task Redirects_are_followed_and_the_final_url_is_kept()
    {
        _site.Serve("/final", "<html><body>done</body></html>");
        _site.Redirect("/hop2", "/final", 301);
        var start = _site.Redirect("/hop1", "/hop2");
        var result = await Fetch(start);
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(_site.Url("/final"), result.Page!.FinalUrl);
    }

    [Fact]
    public async Task A_redirect_loop_fails_after_the_limit()
    {
        _site.Redirect("/loop-a", "/loop-b");
        var start = _site.Redirect("/loop-b", "/loop-a");
        var result = await Fetch(start);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("redirects", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        var start = _site.Redirect("/to-file", "file:///etc/passwd");
        var result = await Fetch(start);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("non-http", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_errors_fail_with_the_status()
    {
        var url = _site.Serve("/gone", "gone", status: 410);
        var result = await Fetch(url);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Equal(410, result.StatusCode);
        Assert.StartsWith("HTTP 410", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transient_503_is_retried()
    {
        var calls = 0;
        var url = _site.Map("/flaky", async context =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                return;
            }
            await context.Response.WriteAsync("<html><body>ok</body></html>");
        });
        var result = await Fetch(url);
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Bodies_over_the_cap_fail_whether_declared_or_streamed()
    {
        var declared = _site.Serve("/big", new string('x', 200_000));
        var streamed = _site.Map("/big-chunked", async context =>
        {
            context.Response.ContentType = "text/html";
            for (var i = 0; i < 50; i++) await context.Response.WriteAsync(new string('y', 10_000));
        });
        Assert.Contains("exceeds the limit", (await Fetch(declared)).Reason, StringComparison.Ordinal);
        Assert.Contains("exceeds the limit", (await Fetch(streamed)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gzip_bomb_stops_at_the_cap_after_decompression()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            await gzip.WriteAsync(new byte[50_000_000]);
        var bomb = compressed.ToArray();
        Assert.True(bomb.Length < 100_000, "the compressed body itself is under the cap");
        var url = _site.Map("/bomb", async context =>
        {
            context.Response.ContentType = "text/html";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(bomb);
        });
        var result = await Fetch(url);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("after decompression", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_html_articles_are_skipped_with_the_content_type()
    {
        var url = _site.Serve("/photo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png");
        var result = await Fetch(url);
        Assert.Equal(FetchOutcome.Skipped, result.Outcome);
        Assert.Contains("image/png", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hanging_server_times_out()
    {
        var url = _site.Map("/hang", async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted));
        var result = await Fetch(url);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("timed out", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loopback_is_refused_unless_private_networks_are_allowed()
    {
        var url = _site.Serve("/private", "<html><body>internal</body></html>");
        var settings = NewsMonitorHost.LoopbackSettings(_folder.Path);
        settings[NewsMonitorSettings.AllowPrivateNetwork] = "false";
        using var strict = NewsMonitorHost.Build(settings);
        var refused = await strict.Get<PageFetcher>().FetchAsync(url, FetchPurpose.Article);
        Assert.Equal(FetchOutcome.Failed, refused.Outcome);
        Assert.Contains("refused to connect", refused.Reason, StringComparison.Ordinal);
        Assert.Empty(_site.RequestsTo("/private"));
        Assert.Equal(FetchOutcome.Fetched, (await Fetch(url)).Outcome);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700::1111", true)]
    public void Address_policy_allows_only_public_addresses(string address, bool allowed) =>
        Assert.Equal(allowed, NetworkAddressPolicy.IsPublic(System.Net.IPAddress.Parse(address)));

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _site.DisposeAsync();
        _folder.Dispose();
    }
}
