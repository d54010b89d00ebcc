using BenchmarkDotNet.Attributes;
using NewsMonitor.Extraction;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// BenchmarkDotNet suite for the hot paths, on the seed article's pages (samples/seed-site):
/// <c>dotnet run -c Release --project bench/NewsMonitor.Benchmarks -- bdn --filter *</c>.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private readonly ArticleExtractor _articles = new();
    private readonly StatementExtractor _statements = new();
    private byte[] _wordpress = [];
    private byte[] _newsroom = [];
    private byte[] _legacy = [];
    private string _text = "";

    [GlobalSetup]
    public void Setup()
    {
        var folder = FindSeedSite();
        _wordpress = File.ReadAllBytes(Path.Combine(folder, "observer-wordpress.html"));
        _newsroom = File.ReadAllBytes(Path.Combine(folder, "ledger-newsroom.html"));
        _legacy = File.ReadAllBytes(Path.Combine(folder, "newswire-legacy.html"));
        _text = File.ReadAllText(Path.Combine(folder, "white-paper.txt"));
    }

    [Benchmark]
    public ExtractionResult ExtractWordpressPage() => _articles.Extract(_wordpress, "text/html; charset=utf-8");

    [Benchmark]
    public ExtractionResult ExtractNewsroomPage() => _articles.Extract(_newsroom, "text/html; charset=utf-8");

    [Benchmark]
    public ExtractionResult ExtractLegacyWindows1252Page() => _articles.Extract(_legacy, null);

    [Benchmark]
    public IReadOnlyList<Statement> ExtractSeedStatements() => _statements.Extract(_text);

    [Benchmark]
    public DecodedPage DecodeLegacyCharset() => PageDecoder.Decode(_legacy);

    private static string FindSeedSite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "seed-site");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("samples/seed-site not found above " + AppContext.BaseDirectory);
    }
}
