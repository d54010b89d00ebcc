using System.Net;
using System.Text.Json;

namespace NewsMonitor.Cli.Tests;

/// <summary><c>newsmon serve</c>: the read API over a store, compared with what the CLI answers from the same store.</summary>
public sealed class ServeCommandTests : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly string _store = Directory.CreateTempSubdirectory("newsmon-serve-").FullName;
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Task<int> _serve = null!;
    private Uri _api = null!;

    public async Task InitializeAsync()
    {
        await _site.InitializeAsync();
        var article = _site.Serve("/observer/white-paper", File.ReadAllBytes(RepositoryPaths.SeedSite("observer-wordpress.html")), "text/html; charset=utf-8");
        var run = await Cli.RunAsync("run", "--source", _site.ServeRss("/feed.xml", article).AbsoluteUri, "--store", _store, "--allow-private-network");
        Assert.Equal(0, run.ExitCode);

        var output = TextWriter.Synchronized(_output);
        _serve = NewsMonCli.RunAsync(["serve", "--port", "0", "--store", _store], output, TextWriter.Synchronized(_error), _stop.Token);
        // The first line of output is the API's base address.
        for (var waited = 0; !_output.ToString().Contains('\n', StringComparison.Ordinal); waited += 50)
        {
            Assert.False(_serve.IsCompleted, $"serve stopped: {_error}");
            Assert.True(waited < 30_000, "serve did not start within 30 s");
            await Task.Delay(50);
        }
        _api = new Uri(_output.ToString().Split('\n')[0].Trim());
    }

    private async Task<(HttpStatusCode Status, string? ContentType, JsonElement Body)> GetAsync(string relative)
    {
        using var response = await _http.GetAsync(new Uri(_api, relative));
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(body).RootElement.Clone());
    }

    [Fact]
    public void Serve_listens_on_loopback_only()
    {
        Assert.Equal("127.0.0.1", _api.Host);
        Assert.Equal("/api/", _api.AbsolutePath);
    }

    [Fact]
    public async Task The_api_over_serve_answers_the_same_as_the_cli()
    {
        var (status, type, api) = await GetAsync("statements?speaker=Sun%20Weimin&limit=5");
        var cli = await Cli.RunAsync("query", "--speaker", "Sun Weimin", "--limit", "5", "--store", _store, "--json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", type);
        Assert.Equal(0, cli.ExitCode);
        using var expected = JsonDocument.Parse(cli.Output);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, api), $"API: {api}\nCLI: {cli.Output}");
        Assert.Equal(2, api.GetProperty("count").GetInt32());

        var (_, _, speakers) = await GetAsync("speakers?q=Sun");
        var cliSpeakers = await Cli.RunAsync("speakers", "--q", "Sun", "--store", _store, "--json");
        using var expectedSpeakers = JsonDocument.Parse(cliSpeakers.Output);
        Assert.True(JsonElement.DeepEquals(expectedSpeakers.RootElement, speakers), $"API: {speakers}\nCLI: {cliSpeakers.Output}");
        var sun = Assert.Single(speakers.GetProperty("speakers").EnumerateArray());
        Assert.Equal("Sun Weimin", sun.GetProperty("name").GetString());
        Assert.Equal(2, sun.GetProperty("statements").GetInt32());
    }

    [Fact]
    public async Task One_statement_comes_with_the_paragraph_around_it_and_its_article()
    {
        var (_, _, page) = await GetAsync("statements?q=no%20reason%20for%20concern");
        var hit = Assert.Single(page.GetProperty("statements").EnumerateArray());

        var (status, _, statement) = await GetAsync($"statements/{hit.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.OK, status);
        var context = Assert.Single(statement.GetProperty("contexts").EnumerateArray());
        Assert.StartsWith("In response to fears by foreign companies", context.GetProperty("paragraph").GetString(), StringComparison.Ordinal);
        Assert.Equal("China publishes white paper explaining its vision for the Internet", context.GetProperty("title").GetString());

        var (articleStatus, _, article) = await GetAsync($"articles/{hit.GetProperty("articleKey").GetString()}");
        Assert.Equal(HttpStatusCode.OK, articleStatus);
        Assert.Equal(11, article.GetProperty("article").GetProperty("paragraphs").GetArrayLength());
        Assert.Equal(1, article.GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("statements/0123456789abcdef0123456789abcdef")]
    [InlineData("statements/not-an-id")]
    [InlineData("articles/0123456789abcdef0123456789abcdef")]
    [InlineData("articles/%2E%2E%2Fetc")]
    public async Task Unknown_ids_get_404_with_a_problem(string relative)
    {
        var (status, type, body) = await GetAsync(relative);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", type);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("statements?limit=0", "limit")]
    [InlineData("statements?since=yesterday", "since")]
    [InlineData("statements?kind=rumour", "kind")]
    [InlineData("statements?minConfidence=2", "minConfidence")]
    [InlineData("statements?host=not%20a%20host", "host")]
    [InlineData("statements?continuation=bogus", "continuation")]
    [InlineData("statements?since=2022-11-08&until=2022-11-07", "until")]
    [InlineData("speakers?limit=-1", "limit")]
    public async Task Bad_parameters_get_400_naming_them(string relative, string parameter)
    {
        var (status, type, body) = await GetAsync(relative);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", type);
        Assert.True(body.GetProperty("errors").TryGetProperty(parameter, out _), body.ToString());
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        Assert.Equal(0, await _serve);
        Assert.Contains("stopped", _error.ToString(), StringComparison.Ordinal);
        _http.Dispose();
        _stop.Dispose();
        await _site.DisposeAsync();
        Directory.Delete(_store, recursive: true);
    }
}
