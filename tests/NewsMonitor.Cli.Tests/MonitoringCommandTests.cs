using System.Text.Json;

namespace NewsMonitor.Cli.Tests;

/// <summary>run, query and demo against a loopback news site, in a local folder and in Azurite.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MonitoringCommandTests(AzuriteServer azurite) : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly string _store = Directory.CreateTempSubdirectory("newsmon-store-").FullName;
    private Uri _feed = null!;

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        var article = _site.Serve("/ledger/white-paper", File.ReadAllBytes(RepositoryPaths.SeedSite("ledger-newsroom.html")), "text/html; charset=utf-8");
        _feed = _site.ServeRss("/feed.xml", article, _site.Url("/missing"));
    }

    [Fact]
    public async Task Run_refuses_a_loopback_source_without_allow_private_network()
    {
        var result = await Cli.RunAsync("run", "--source", _feed.AbsoluteUri, "--store", _store);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused to connect to 127.0.0.1", result.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-private-network", result.Error, StringComparison.Ordinal);
        Assert.Empty(_site.RequestsTo("/feed.xml"));
    }

    [Fact]
    public async Task Run_then_query_finds_the_seed_statements_by_speaker()
    {
        var run = await Cli.RunAsync("run", "--source", _feed.AbsoluteUri, "--store", _store, "--allow-private-network", "--watch-speaker", "Cao Shumin");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("sources: 1 (0 failed); articles: 1 new, 0 skipped, 1 failed; statements: 11; alerts: 2", run.Output.Trim());
        Assert.Contains("2 listed, 2 new", run.Error, StringComparison.Ordinal);
        Assert.Contains("failed  " + _site.Url("/missing"), run.Error, StringComparison.Ordinal);

        var query = await Cli.RunAsync("query", "--speaker", "Cao Shumin", "--store", _store, "--json");
        Assert.Equal(0, query.ExitCode);
        using var json = JsonDocument.Parse(query.Output);
        Assert.Equal(2, json.RootElement.GetProperty("count").GetInt32());
        var first = json.RootElement.GetProperty("statements")[0];
        Assert.Equal("deputy director of the Cyberspace Administration of China", first.GetProperty("speaker").GetProperty("role").GetString());
        Assert.Equal("https://dailyledger.example/tech/2022/11/07/china-internet-white-paper", first.GetProperty("url").GetString());

        var text = await Cli.RunAsync("query", "--q", "no reason for concern", "--store", _store);
        Assert.Contains("Qi Xiaoxia, head of the administration’s international cooperation office — argued", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_and_query_work_the_same_on_azure_storage()
    {
        var run = await Cli.RunAsync("run", "--source", _feed.AbsoluteUri, "--connection", azurite.ConnectionString, "--allow-private-network");
        Assert.Equal(0, run.ExitCode);
        var query = await Cli.RunAsync("query", "--speaker", "Sun Weimin", "--connection", azurite.ConnectionString, "--json");
        Assert.Equal(0, query.ExitCode);
        using var json = JsonDocument.Parse(query.Output);
        Assert.True(json.RootElement.GetProperty("count").GetInt32() >= 2);
    }

    [Theory]
    [InlineData("query --since last-week --store {store}", "--since")]
    [InlineData("query --limit 0 --store {store}", "--limit")]
    [InlineData("run --store {store}", "no sources")]
    [InlineData("run --source ftp://example.org/feed --store {store}", "not an http(s) URL")]
    [InlineData("query --store a --connection b", "either --store or --connection")]
    [InlineData("frobnicate", "frobnicate")]
    [InlineData("extract", "Required argument missing")]
    [InlineData("extract --stor page.html", "unknown option '--stor'")]
    public async Task Bad_arguments_exit_2_with_a_message_and_no_stack_trace(string args, string message)
    {
        var result = await Cli.RunAsync(args.Replace("{store}", _store, StringComparison.Ordinal).Split(' '));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_serves_the_sample_site_and_prints_each_key_statement_once()
    {
        var result = await Cli.RunAsync("demo", "--store", _store);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("articles: 3 new, 0 skipped, 0 failed", result.Output, StringComparison.Ordinal);
        Assert.Contains("alerts: 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("11 key statements, each reported by 3 outlets and stored once", result.Output, StringComparison.Ordinal);
        Assert.Contains("Sun Weimin, head of the administration’s cybersecurity coordination office — added", result.Output, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        Directory.Delete(_store, recursive: true);
    }
}
