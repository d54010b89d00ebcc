using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring.Index;
using NewsMonitor.Monitoring.Query;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>The index over several days of statements, with time under the test's control: digests, paging, cutoffs.</summary>
public sealed class StatementIndexCompactionTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly StatementIndex _index;
    private readonly StatementSearch _search;
    private int _articles;

    public StatementIndexCompactionTests()
    {
        _index = new StatementIndex(new LocalFolderBlobStore(_folder.Path), _time, NullLogger<StatementIndex>.Instance);
        _search = new StatementSearch(_index);
    }

    /// <summary>One article with one statement by <paramref name="speaker"/>.</summary>
    private Task<StatementsDocument> AddAsync(string text, string speaker = "Ana Lima")
    {
        var key = UrlKeys.Hash($"article {_articles++}");
        var record = new StatementRecord(StatementIds.For(text), StatementKind.Direct, text, new Speaker(speaker, speaker, "finance minister", "Ministry of Finance"), "said", 0, text.Length, 0.9);
        return _index.AddAsync(new StatementsDocument(key, $"https://news.example/{key}", null, "Budget", "Example News", _time.GetUtcNow(), _time.GetUtcNow(), null, [record]));
    }

    private async Task<List<string>> AllIds(StatementQuery query)
    {
        var ids = new List<string>();
        var page = await _search.SearchAsync(query);
        while (true)
        {
            ids.AddRange(page.Statements.Select(s => s.Id));
            if (page.Continuation is null) return ids;
            Assert.True(StatementQuery.TryParse(n => n switch { "continuation" => page.Continuation, "limit" => query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture), "q" => query.Text, "speaker" => query.Speaker, _ => null }, out var next, out _));
            page = await _search.SearchAsync(next);
        }
    }

    private async Task<List<string>> Names(string prefix)
    {
        var names = new List<string>();
        await foreach (var name in _index.Blobs.ListAsync(IndexLayout.Container, prefix)) names.Add(name);
        return names;
    }

    [Fact]
    public async Task Digests_answer_exactly_as_the_summaries_they_fold_in_and_newer_statements_still_show()
    {
        for (var day = 0; day < 3; day++)
        {
            for (var i = 0; i < 10; i++)
            {
                await AddAsync($"Statement number {day * 10 + i} about the budget for the coming fiscal year");
                _time.Advance(TimeSpan.FromMinutes(30));
            }
            _time.Advance(TimeSpan.FromHours(19));
        }
        var before = await AllIds(new StatementQuery(Limit: 7));
        Assert.Equal(30, before.Count);
        Assert.Equal(30, before.Distinct().Count());

        Assert.Equal(30, await _index.CompactAsync());
        Assert.Equal(["digests/2026-03-01.json", "digests/2026-03-02.json", "digests/2026-03-03.json"], await Names("digests/"));
        Assert.Equal(before, await AllIds(new StatementQuery(Limit: 7)));
        Assert.Equal(0, await _index.CompactAsync());

        // Written after the compaction: read from its own summary until the next one folds it in.
        var late = await AddAsync("A statement made after the digest was written, about tax credits for small firms");
        var withLate = await AllIds(new StatementQuery(Limit: 7));
        Assert.Equal(late.Statements[0].Id, withLate[0]);
        Assert.Equal(before, withLate.Skip(1));
        Assert.Equal(0, await _index.CompactAsync()); // within the margin: left for the next run
        _time.Advance(StatementIndex.CompactionMargin + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _index.CompactAsync());
        Assert.Equal(withLate, await AllIds(new StatementQuery(Limit: 7)));
        Assert.Equal([late.Statements[0].Id], await AllIds(new StatementQuery(Text: "tax credits", Limit: 7)));
    }

    [Fact]
    public async Task A_speakers_new_report_is_matched_against_their_recent_statements_not_just_the_exact_words()
    {
        var first = await AddAsync("We will cut the deficit to three percent of output by the end of next year, whatever the cost");
        _time.Advance(TimeSpan.FromHours(5));
        var trimmed = await AddAsync("We will cut the deficit to three percent of output by the end of next year");
        var otherSpeaker = await AddAsync("We will cut the deficit to three percent of output by the end of next year", "Rui Costa");

        Assert.Equal(first.Statements[0].Id, trimmed.Statements[0].Id);
        Assert.NotEqual(first.Statements[0].Id, otherSpeaker.Statements[0].Id);
        var entry = await _index.GetStatementAsync(first.Statements[0].Id);
        Assert.Equal(2, entry!.Sources.Count);
        Assert.EndsWith("whatever the cost", entry.Text, StringComparison.Ordinal);
        Assert.Equal("We will cut the deficit to three percent of output by the end of next year", entry.Sources[1].Text);
    }

    [Fact]
    public async Task A_much_quoted_speaker_with_a_word_filter_gets_the_same_pages_from_the_day_digests_as_from_their_own_statements()
    {
        // 250 statements by one speaker is past the point where the search filters through the day digests
        // instead of reading each of the speaker's statements; a handful stay under it.
        var expected = new List<string>();
        var fewExpected = new List<string>();
        for (var i = 0; i < 250; i++)
        {
            var topic = i % 25 == 0 ? "pensions" : "roads";
            var added = await AddAsync($"Statement number {i} about {topic} and the public finances for the coming year", "Ana Lima");
            if (topic == "pensions") expected.Insert(0, added.Statements[0].Id);
            await AddAsync($"Statement number {i} about pensions from the opposition benches this year", "Rui Costa");
            if (i < 12)
            {
                var few = await AddAsync($"Remark {i} on pensions and the retirement age for public servants", "Eva Mendes");
                fewExpected.Insert(0, few.Statements[0].Id);
            }
            _time.Advance(TimeSpan.FromMinutes(20));
        }

        var query = new StatementQuery(Speaker: "Ana Lima", Text: "pensions", Limit: 3);
        Assert.Equal(expected, await AllIds(query));
        Assert.Equal(fewExpected, await AllIds(new StatementQuery(Speaker: "Eva Mendes", Text: "pensions", Limit: 5)));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.True(await _index.CompactAsync() > 0);
        Assert.Equal(expected, await AllIds(query));
        Assert.Equal(250, (await AllIds(new StatementQuery(Speaker: "Ana Lima", Limit: 100))).Count);
    }

    [Fact]
    public async Task Indexing_the_same_article_again_changes_nothing()
    {
        var document = await AddAsync("The central bank will keep rates on hold until inflation returns to target");
        var again = await _index.AddAsync(document);

        Assert.Equal(document.Statements[0].Id, again.Statements[0].Id);
        Assert.Single((await _index.GetStatementAsync(document.Statements[0].Id))!.Sources);
        Assert.Single(await Names("by-speaker/"));
        Assert.Single(await Names("statements/"));
    }

    public void Dispose() => _folder.Dispose();
}
