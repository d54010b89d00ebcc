using System.Net;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring.Index;
using NewsMonitor.Monitoring.Processing;
using NewsMonitor.Monitoring.Query;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>
/// Statements across outlets: the seed article published by two outlets (two host names of the loopback
/// site), then follow-up articles that repeat some quotes in their own words and add new ones.
/// </summary>
public sealed class StatementIndexTests : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly TempFolder _folder = new();

    public Task InitializeAsync() => _site.InitializeAsync();

    private IHost Host()
    {
        var settings = NewsMonitorHost.LoopbackSettings(_folder.Path);
        settings[NewsMonitorSettings.WatchSpeakers] = "Sun Weimin";
        settings[NewsMonitorSettings.AlertWebhook] = _site.Url("/hook").AbsoluteUri;
        return NewsMonitorHost.Build(settings);
    }

    /// <summary>The same server under another host name: another outlet, as far as NewsMonitor can tell.</summary>
    private static Uri OnLocalhost(Uri url) => new UriBuilder(url) { Host = "localhost" }.Uri;

    private Uri ServeSeed(string path, string file) =>
        _site.Serve(path, File.ReadAllBytes(RepositoryPaths.SeedSite(file)), "text/html; charset=utf-8");

    private Uri ServeArticle(string path, string site, string title, params string[] paragraphs) => _site.Serve(path, $$"""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{title}} | {{site}}</title>
        <meta property="og:site_name" content="{{site}}">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"{{title}}","datePublished":"2022-11-08T10:00:00Z"}</script>
        </head><body><article><h1>{{title}}</h1>{{string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}}</article></body></html>
        """);

    private int Alerts => _site.RequestsTo("/hook").Count;

    private async Task TwoOutletsPublishTheSeed(IHost host)
    {
        _site.Map("/hook", context => { context.Response.StatusCode = 204; return Task.CompletedTask; });
        var observer = ServeSeed("/observer/white-paper", "observer-wordpress.html");
        var ledger = OnLocalhost(ServeSeed("/ledger/white-paper", "ledger-newsroom.html"));
        await host.Get<MonitoringCycle>().RunAsync([_site.ServeRss("/observer.xml", observer)]);
        await host.Get<MonitoringCycle>().RunAsync([_site.ServeRss("/ledger.xml", ledger)]);
    }

    [Fact]
    public async Task Two_outlets_with_the_same_quotes_give_each_statement_once_with_both_sources_and_one_alert()
    {
        using var host = Host();
        await TwoOutletsPublishTheSeed(host);

        var all = (await host.Get<StatementSearch>().SearchAsync(new StatementQuery())).Statements;
        Assert.Equal(11, all.Count);
        Assert.All(all, s => Assert.Equal(["127.0.0.1", "localhost"], s.Sources.Select(x => x.Host)));
        Assert.All(all, s => Assert.True(s.Sources[0].SeenAt <= s.Sources[1].SeenAt));
        Assert.Equal(2, Alerts); // Sun Weimin's two statements, once each, not once per outlet

        var cao = Assert.Single((await host.Get<StatementSearch>().SearchAsync(new StatementQuery(Text: "rapid growth of information technology"))).Statements);
        Assert.Equal("Cao Shumin", cao.Speaker!.Name);
        Assert.Equal(["China publishes white paper explaining its vision for the Internet"], cao.Sources.Select(s => s.Title).Distinct());
    }

    [Fact]
    public async Task A_later_article_repeating_quotes_in_its_own_words_alerts_only_for_its_new_quote()
    {
        using var host = Host();
        await TwoOutletsPublishTheSeed(host);
        var followUp = OnLocalhost(ServeArticle("/wire/cyber-schools", "Beijing Wire", "Officials defend China's cyber rules",
            "Chinese officials on Tuesday defended the country's cyber security laws before an audience of foreign business groups in Beijing.",
            "\"In recent years, China has further strengthened its defenses against cyber threats, improved its cyberspace legislation, established a national cyber security response system ... and development of various security industries,\" said Sun Weimin, head of the administration's cybersecurity coordination office.",
            "\"We will open three new cybersecurity schools in western provinces next year,\" Sun Weimin said on Tuesday.",
            "The administration did not say how much the new schools would cost or who would pay for them."));

        var summary = await host.Get<MonitoringCycle>().RunAsync([_site.ServeRss("/wire.xml", followUp)]);

        Assert.Equal(1, summary.ArticlesNew);
        Assert.Equal(1, summary.Alerts);
        Assert.Equal(3, Alerts);
        Assert.Contains("three new cybersecurity schools", _site.RequestsTo("/hook")[^1].Body, StringComparison.Ordinal);

        var sun = (await host.Get<StatementSearch>().SearchAsync(new StatementQuery(Speaker: "Sun Weimin"))).Statements;
        Assert.Equal(3, sun.Count);
        Assert.Contains("three new cybersecurity schools", sun[0].Text, StringComparison.Ordinal); // newest first
        var repeated = Assert.Single(sun, s => s.Text.StartsWith("In recent years", StringComparison.Ordinal));
        Assert.Equal(3, repeated.Sources.Count);
        Assert.Contains("...", repeated.Sources[2].Text, StringComparison.Ordinal); // the outlet's own words are kept per source
    }

    [Fact]
    public async Task Speakers_are_one_entity_across_spellings_with_roles_and_counts()
    {
        using var host = Host();
        await TwoOutletsPublishTheSeed(host);
        var caps = ServeArticle("/wire/qi", "Beijing Wire", "Foreign firms welcome, official says",
            "An official in charge of international cooperation sought on Tuesday to reassure foreign companies about China's new data rules.",
            "\"Foreign companies operating in China have nothing to fear from the new data rules,\" said QI Xiaoxia, director of international cooperation at the Cyberspace Administration of China.",
            "The administration published the rules last month after two years of consultation with industry groups.");
        await host.Get<MonitoringCycle>().RunAsync([_site.ServeRss("/qi.xml", caps)]);

        var qi = Assert.Single(await host.Get<SpeakerDirectory>().ListAsync("Qi", 10));
        Assert.Equal("qi-xiaoxia", qi.Key);
        Assert.Equal(4, qi.Statements);
        Assert.Equal(["Qi Xiaoxia", "QI Xiaoxia"], qi.Names);
        Assert.Contains(qi.Roles, r => r.Role == "head of the administration’s international cooperation office");
        Assert.Contains(qi.Roles, r => r.Organization == "Cyberspace Administration of China" || (r.Role ?? "").Contains("Cyberspace Administration of China", StringComparison.Ordinal));

        var everyone = await host.Get<SpeakerDirectory>().ListAsync(null, 100);
        Assert.Equal("qi-xiaoxia", everyone[0].Key); // most quoted first
        Assert.Contains(everyone, s => s.Key == "sun-weimin" && s.Statements == 2);
        Assert.Contains(everyone, s => s.Key == "cao-shumin" && s.Statements == 2);
    }

    [Fact]
    public async Task Every_filter_narrows_the_query_and_pages_follow_each_other_without_overlap()
    {
        using var host = Host();
        await TwoOutletsPublishTheSeed(host);
        var search = host.Get<StatementSearch>();

        async Task<List<StatementHit>> All(StatementQuery query)
        {
            var hits = new List<StatementHit>();
            for (var page = await search.SearchAsync(query); ; page = await search.SearchAsync(query with { Continuation = Position(page.Continuation!, query) }))
            {
                Assert.InRange(page.Statements.Count, 0, query.Limit);
                hits.AddRange(page.Statements);
                if (page.Continuation is null) return hits;
                Assert.Equal(query.Limit, page.Statements.Count);
            }
        }

        var everything = (await search.SearchAsync(new StatementQuery())).Statements;
        var paged = await All(new StatementQuery(Limit: 4));
        Assert.Equal(everything.Select(s => s.Id), paged.Select(s => s.Id));
        Assert.Equal(11, paged.Select(s => s.Id).Distinct().Count());
        Assert.Equal(everything.Select(s => s.FirstSeenAt).OrderByDescending(t => t), everything.Select(s => s.FirstSeenAt));

        var cyberspace = await All(new StatementQuery(Organization: "Cyberspace Administration", Limit: 1));
        Assert.Equal(["Cao Shumin", "Qi Xiaoxia", "Sun Weimin"], cyberspace.Select(s => s.Speaker!.Name).Distinct().Order(StringComparer.Ordinal));
        var office = await All(new StatementQuery(Organization: "cybersecurity coordination office"));
        Assert.Equal(["Sun Weimin"], office.Select(s => s.Speaker!.Name).Distinct());

        var mixed = await All(new StatementQuery(Kind: StatementKind.Mixed));
        Assert.All(mixed, s => Assert.Equal("mixed", s.Kind));
        Assert.Contains(mixed, s => s.Text.Contains("no reason for concern", StringComparison.Ordinal));
        Assert.True(mixed.Count < 11);
        Assert.All(await All(new StatementQuery(Kind: StatementKind.Indirect)), s => Assert.Equal("indirect", s.Kind));
        Assert.Equal(2, (await All(new StatementQuery(Speaker: "Sun Weimin", Limit: 1))).Count);
        Assert.Equal(11, (await All(new StatementQuery(Host: "localhost", Limit: 5))).Count);
        Assert.Empty(await All(new StatementQuery(Host: "elsewhere.example")));
        Assert.Empty(await All(new StatementQuery(Until: new DateTimeOffset(2022, 11, 6, 23, 59, 59, TimeSpan.Zero))));
        Assert.Equal(11, (await All(new StatementQuery(Since: new DateTimeOffset(2022, 11, 7, 0, 0, 0, TimeSpan.Zero), Until: new DateTimeOffset(2022, 11, 7, 23, 59, 59, TimeSpan.Zero)))).Count);
        var confident = await All(new StatementQuery(MinConfidence: 0.8));
        Assert.All(confident, s => Assert.True(s.Confidence >= 0.8));
        Assert.True(confident.Count < 11);
    }

    /// <summary>Reads a page's continuation token the way the API and the CLI do.</summary>
    private static string Position(string token, StatementQuery query)
    {
        Assert.True(StatementQuery.TryParse(name => name switch
        {
            "continuation" => token,
            "speaker" => query.Speaker,
            "organization" => query.Organization,
            "q" => query.Text,
            "since" => query.Since?.ToString("O"),
            "until" => query.Until?.ToString("O"),
            "host" => query.Host,
            "kind" => query.Kind?.ToString(),
            "minConfidence" => query.MinConfidence?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "limit" => query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        }, out var parsed, out var errors), string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return parsed.Continuation!;
    }

    [Fact]
    public async Task A_continuation_token_from_another_query_is_refused()
    {
        using var host = Host();
        await TwoOutletsPublishTheSeed(host);
        var page = await host.Get<StatementSearch>().SearchAsync(new StatementQuery(Speaker: "Sun Weimin", Limit: 1));

        Assert.False(StatementQuery.TryParse(name => name switch { "continuation" => page.Continuation, "speaker" => "Qi Xiaoxia", "limit" => "1", _ => null }, out _, out var errors));
        Assert.Contains("continuation", errors.Keys);
        Assert.False(StatementQuery.TryParse(name => name == "continuation" ? "not-a-token" : null, out _, out errors));
        Assert.Contains("continuation", errors.Keys);
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }
}
