namespace NewsMonitor.Cli.Tests;

/// <summary><c>run --rules</c>, <c>alerts --failed</c> and <c>alerts --retry</c> against a receiver that is down, then up.</summary>
public sealed class AlertsCommandTests : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly string _store = Directory.CreateTempSubdirectory("newsmon-alerts-").FullName;
    private int _status = 503;
    private string _rules = "";
    private Uri _feed = null!;

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        _site.Map("/hook", context => { context.Response.StatusCode = _status; return Task.CompletedTask; });
        _feed = _site.ServeRss("/feed.xml", _site.Serve("/a", File.ReadAllBytes(RepositoryPaths.SeedSite("observer-wordpress.html")), "text/html"));
        _rules = Path.Combine(_store, "rules.json");
        await File.WriteAllTextAsync(_rules, $$$"""
            {"channels": {"ops": {"type": "webhook", "url": "{{{_site.Url("/hook")}}}"}},
             "rules": [{"id": "qi", "speaker": "Qi Xiaoxia", "kinds": ["mixed"], "channels": ["ops"]}]}
            """);
    }

    [Fact]
    public async Task Failed_alerts_are_listed_with_their_reason_and_a_retry_delivers_them()
    {
        var run = await Cli.RunAsync("run", "--source", _feed.AbsoluteUri, "--rules", _rules, "--allow-private-network", "--store", _store);
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("alerts: 1", run.Output.Trim(), StringComparison.Ordinal);

        var failed = await Cli.RunAsync("alerts", "--failed", "--store", _store);
        Assert.Equal(0, failed.ExitCode);
        Assert.Equal(2, failed.OutputLines.Length);
        Assert.Contains("qi/", failed.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains("no reason for concern", failed.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal("ops (webhook): 5 attempts, 127.0.0.1 answered HTTP 503 Service Unavailable", failed.OutputLines[1]);

        _status = 200;
        var retry = await Cli.RunAsync("alerts", "--retry", "--rules", _rules, "--store", _store);
        Assert.Equal(0, retry.ExitCode);
        Assert.Equal("retried 1: 1 delivered, 0 still failing", retry.Output.Trim());
        Assert.Empty((await Cli.RunAsync("alerts", "--failed", "--store", _store)).OutputLines);
        Assert.Equal(6, _site.RequestsTo("/hook").Count);
    }

    [Fact]
    public async Task A_broken_rules_file_stops_the_run_before_anything_is_fetched()
    {
        await File.WriteAllTextAsync(_rules, """{"rules": [{"id": "qi", "speaker": "Qi Xiaoxia", "channels": ["missing"]}]}""");

        var run = await Cli.RunAsync("run", "--source", _feed.AbsoluteUri, "--rules", _rules, "--allow-private-network", "--store", _store);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("channel 'missing' is not defined", run.Error, StringComparison.Ordinal);
        Assert.Empty(_site.RequestsTo("/feed.xml"));
    }

    [Fact]
    public async Task Alerts_needs_one_of_failed_or_retry()
    {
        var result = await Cli.RunAsync("alerts", "--store", _store);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--failed or --retry", result.Error, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_store, recursive: true);
    }
}
