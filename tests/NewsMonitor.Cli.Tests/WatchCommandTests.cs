namespace NewsMonitor.Cli.Tests;

public sealed class WatchCommandTests : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly string _store = Directory.CreateTempSubdirectory("newsmon-watch-").FullName;
    private Uri _feed = null!;

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        _feed = _site.ServeRss("/feed.xml", _site.Serve("/a", File.ReadAllBytes(RepositoryPaths.SeedSite("observer-wordpress.html")), "text/html"));
    }

    [Fact]
    public async Task Watch_runs_a_cycle_on_each_tick_of_the_schedule()
    {
        var result = await Cli.RunAsync("watch", "--schedule", "* * * * * *", "--cycles", "2", "--source", _feed.AbsoluteUri, "--allow-private-network", "--store", _store);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["sources: 1 (0 failed); articles: 1 new, 0 skipped, 0 failed; statements: 11; alerts: 0",
             "sources: 1 (0 failed); articles: 0 new, 0 skipped, 0 failed; statements: 0; alerts: 0"],
            result.OutputLines);
        Assert.Equal(2, result.Error.Split('\n').Count(l => l.StartsWith("next cycle at", StringComparison.Ordinal)));
        Assert.Single(_site.RequestsTo("/a"));
    }

    [Fact]
    public async Task Ctrl_c_stops_the_watch_cleanly()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var code = await NewsMonCli.RunAsync(["watch", "--schedule", "0 0 0 1 1 *", "--source", _feed.AbsoluteUri, "--allow-private-network", "--store", _store], output, error, stop.Token);

        Assert.Equal(0, code);
        Assert.Contains("stopped", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_site.RequestsTo("/feed.xml"));
    }

    [Fact]
    public async Task A_bad_schedule_is_a_usage_error_naming_the_setting()
    {
        var result = await Cli.RunAsync("watch", "--schedule", "every five minutes", "--source", _feed.AbsoluteUri, "--store", _store);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NEWSMONITOR_SCHEDULE", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_reads_a_sources_file_with_per_source_options()
    {
        var file = Path.Combine(_store, "sources.json");
        await File.WriteAllTextAsync(file, $$"""{"sources": [{"url": "{{_feed}}", "kind": "feed", "exclude": ["/a$"]}]}""");

        var result = await Cli.RunAsync("run", "--sources", file, "--allow-private-network", "--store", _store);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("sources: 1 (0 failed); articles: 0 new", result.Output, StringComparison.Ordinal);
        Assert.Empty(_site.RequestsTo("/a"));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_store, recursive: true);
    }
}
