using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Index;
using NewsMonitor.Monitoring.Query;
using NewsMonitor.Monitoring.Storage;
using NewsMonitor.Testing;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Query latency over a large index: N synthetic statements (ten per article, 2,000 speakers quoted with a
/// Zipf skew, 100 days, a few rare phrases planted), indexed through <see cref="StatementIndex"/> as the
/// pipeline does, compacted, then queried by speaker, by free text and both, on the folder store and Azurite.
/// Prints the load rate, and per query the median and 95th-percentile latency and storage calls.
/// </summary>
internal static class QueryBenchmark
{
    private const int Days = 100;
    private const int SpeakerCount = 2000;
    private const int PerArticle = 10;

    private static readonly string[] FirstNames =
    [
        "Ana", "Ben", "Chen", "Dara", "Elif", "Femi", "Goran", "Hana", "Ivan", "Jia", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomas",
        "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zora", "Aiko", "Bruno", "Carla", "Dmitri", "Eva", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Luis", "Mila", "Nikos",
    ];

    private static readonly string[] LastNames =
    [
        "Abara", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jansen", "Kowalski", "Li", "Moreau", "Novak", "Okafor", "Petrov", "Quispe", "Rossi",
        "Silva", "Tanaka", "Urban", "Varga", "Wang", "Xu", "Yilmaz", "Zhang", "Andersen", "Bianchi", "Cruz", "Demir", "Eze", "Fernandes", "Gomez", "Horvat", "Ivanova", "Jung",
        "Kim", "Lopez", "Mendes", "Nagy", "Olsen", "Park", "Reyes", "Sato", "Torres", "Ueda", "Vasquez", "Weber", "Young", "Zeller",
    ];

    /// <summary>Phrases planted in a few statements each: what a rare free-text query looks for.</summary>
    private static readonly string[] RarePhrases = ["quantum budget review", "lithium export quota", "harbour tunnel tender"];

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var total = int.TryParse(Option("--statements"), CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var runs = int.TryParse(Option("--runs"), CultureInfo.InvariantCulture, out var r) ? r : 20;
        var stores = Option("--store") is { } only ? [only] : (string[])["folder", "azurite"];
        var vocabulary = Vocabulary();
        var speakers = Enumerable.Range(0, SpeakerCount).Select(i => $"{FirstNames[i % FirstNames.Length]} {LastNames[i / FirstNames.Length % LastNames.Length]}").ToArray();
        Console.WriteLine($"{total:N0} statements, {total / PerArticle:N0} articles, {SpeakerCount:N0} speakers (Zipf), {Days} days; {Environment.ProcessorCount} cores");

        foreach (var store in stores)
        {
            AzuriteServer? azurite = null;
            var folder = Directory.CreateTempSubdirectory("newsmonitor-query-bench-").FullName;
            try
            {
                IBlobStore inner;
                if (store == "azurite")
                {
                    // In memory by default (faster to load); --azurite-on-disk keeps blob contents in files instead.
                    azurite = new AzuriteServer { InMemory = !args.Contains("--azurite-on-disk") };
                    await azurite.InitializeAsync();
                    inner = new AzureBlobStore(new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString));
                }
                else
                {
                    inner = new LocalFolderBlobStore(folder);
                }
                var counter = new CountingBlobStore().Wrap(inner);
                var time = new ScriptedTime();
                var index = new StatementIndex(counter, time, NullLogger<StatementIndex>.Instance);
                await LoadAsync(index, time, counter, total, speakers, vocabulary, store);

                var search = new StatementSearch(index);
                var directory = new SpeakerDirectory(index, search);
                var popular = speakers[0];
                var rare = speakers[1500];
                var common = vocabulary[3];
                var queries = new (string Name, Func<Task<int>> Run)[]
                {
                    ($"speaker, most quoted ({popular})", async () => (await search.SearchAsync(new StatementQuery(Speaker: popular))).Statements.Count),
                    ($"speaker, rarely quoted ({rare})", async () => (await search.SearchAsync(new StatementQuery(Speaker: rare))).Statements.Count),
                    ($"speaker, pages 1 + 2 (continuation)", async () =>
                    {
                        var first = await search.SearchAsync(new StatementQuery(Speaker: popular));
                        if (!StatementQuery.TryParse(p => p switch { "speaker" => popular, "continuation" => first.Continuation, _ => null }, out var next, out var errors))
                            throw new InvalidOperationException(string.Join("; ", errors.Keys));
                        return (await search.SearchAsync(next)).Statements.Count;
                    }),
                    ($"text, common word (\"{common}\")", async () => (await search.SearchAsync(new StatementQuery(Text: common))).Statements.Count),
                    ($"text, rare phrase (\"{RarePhrases[0]}\")", async () => (await search.SearchAsync(new StatementQuery(Text: RarePhrases[0]))).Statements.Count),
                    ($"speaker and rare word", async () => (await search.SearchAsync(new StatementQuery(Speaker: popular, Text: RarePhrases[1]))).Statements.Count),
                    ($"everything, newest 100", async () => (await search.SearchAsync(new StatementQuery())).Statements.Count),
                    ($"speakers?q={popular.Split(' ')[1]}", async () => (await directory.ListAsync(popular.Split(' ')[1], 100)).Count),
                };
                foreach (var (name, run) in queries)
                {
                    for (var warm = 0; warm < 2; warm++) await run();
                    counter.Reset();
                    var timings = new List<double>(runs);
                    var found = 0;
                    for (var i = 0; i < runs; i++)
                    {
                        var watch = Stopwatch.StartNew();
                        found = await run();
                        timings.Add(watch.Elapsed.TotalMilliseconds);
                    }
                    timings.Sort();
                    Console.WriteLine($"{store,-8} {name,-48} {found,4} hits  median {timings[timings.Count / 2],8:0.0} ms  p95 {timings[(int)(timings.Count * 0.95)],8:0.0} ms  storage calls {(double)counter.Total / runs,7:0.0}");
                }
            }
            finally
            {
                if (azurite is not null) await azurite.DisposeAsync();
                Directory.Delete(folder, recursive: true);
            }
        }
        return 0;
    }

    /// <summary>Indexes the statements article by article, many articles at once, with time running over the days.</summary>
    private static async Task LoadAsync(StatementIndex index, ScriptedTime time, CountingBlobStore counter, int total, string[] speakers, string[] vocabulary, string store)
    {
        var articles = total / PerArticle;
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var step = TimeSpan.FromDays(Days) / articles;
        var weights = Enumerable.Range(1, speakers.Length).Select(rank => 1.0 / rank).ToArray();
        var cumulative = new double[weights.Length];
        for (var i = 0; i < weights.Length; i++) cumulative[i] = (i == 0 ? 0 : cumulative[i - 1]) + weights[i];
        var done = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, articles), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (a, token) =>
        {
            var random = new Random(a);
            var now = start + step * a;
            time.Set(now);
            var statements = new List<StatementRecord>(PerArticle);
            for (var s = 0; s < PerArticle; s++)
            {
                var at = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
                var speaker = speakers[Math.Min(at < 0 ? ~at : at, speakers.Length - 1)];
                var words = Enumerable.Range(0, random.Next(12, 30)).Select(_ => vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 2))]).ToList();
                if ((a * PerArticle + s) % 7919 == 0) words.Insert(random.Next(words.Count), RarePhrases[(a + s) % RarePhrases.Length]);
                var text = string.Join(' ', words);
                statements.Add(new StatementRecord(StatementIds.For(text), StatementKind.Direct, text, new Speaker(speaker, speaker, "minister", "Government"), "said", 0, text.Length, 0.9));
            }
            var key = UrlKeys.Hash($"article {a}");
            await index.AddAsync(new StatementsDocument(key, $"https://outlet{a % 50}.example/{key}", null, $"Article {a}", null, now, now, null, statements), token);
            if (Interlocked.Increment(ref done) % Math.Max(1, articles / 10) == 0)
                Console.Error.WriteLine($"  {store}: indexed {done * PerArticle:N0} statements ({done * PerArticle / watch.Elapsed.TotalSeconds:0} per second)");
        });
        Console.WriteLine($"{store,-8} indexed {total:N0} statements in {watch.Elapsed.TotalSeconds:0} s = {total / watch.Elapsed.TotalSeconds:0} statements/s; storage calls per statement {(double)counter.Total / total:0.0}");
        counter.Reset();
        time.Set(start + TimeSpan.FromDays(Days + 1));
        watch.Restart();
        var folded = await index.CompactAsync();
        Console.WriteLine($"{store,-8} compacted {folded:N0} summaries into {Days + 1} day digests in {watch.Elapsed.TotalSeconds:0.0} s ({counter.Total:N0} storage calls)");
    }

    /// <summary>A vocabulary of made-up words; the first ones are the most frequent in the generated texts.</summary>
    private static string[] Vocabulary()
    {
        var random = new Random(42);
        const string Letters = "abcdefghijklmnopqrstuvwxyz";
        return Enumerable.Range(0, 5000).Select(_ => new string(Enumerable.Range(0, random.Next(3, 10)).Select(_ => Letters[random.Next(Letters.Length)]).ToArray())).Distinct().ToArray();
    }

    /// <summary>Time as each loading task sets it (flows with the task), so articles land on their days however they interleave.</summary>
    private sealed class ScriptedTime : TimeProvider
    {
        private readonly AsyncLocal<DateTimeOffset?> _now = new();
        private DateTimeOffset _global = DateTimeOffset.UtcNow;

        public void Set(DateTimeOffset now)
        {
            _now.Value = now;
            _global = now;
        }

        public override DateTimeOffset GetUtcNow() => _now.Value ?? _global;
    }
}
