using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using NewsMonitor.Extraction;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// Runs the article extractor over a corpus: quality by the corpus scorer's rules, and speed —
/// pages/s on one core and on all cores, MB/s, allocated bytes per page, slowest page — next to the
/// same figures for AngleSharp's parse alone (the floor) and for SmartReader (the C# Readability port).
/// </summary>
internal static class ExtractionCorpusRunner
{
    public static int Run(string corpus, string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var limit = int.TryParse(Option("--limit"), CultureInfo.InvariantCulture, out var l) ? l : int.MaxValue;
        var pages = ExtractionCorpus.Load(corpus, limit);
        var megabytes = pages.Sum(p => (double)p.Bytes.Length) / (1024 * 1024);
        Console.WriteLine($"corpus: {pages.Count} pages, {megabytes:0.0} MB, {Environment.ProcessorCount} cores");

        var extractor = new ArticleExtractor();
        var predictions = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new Dictionary<ExtractionStatus, int>();
        foreach (var page in pages)
        {
            var result = extractor.Extract(page.Bytes, null, page.Url);
            // The article text; --with-title prepends the headline (the reader's view).
            predictions[page.Id] = result.Article is { } article ? (args.Contains("--with-title") ? $"{article.Title}\n\n{article.Text}" : article.Text) : "";
            if (!result.IsSuccess) failures[result.Status] = failures.GetValueOrDefault(result.Status) + 1;
        }
        var (precision, recall, f1, misses) = ExtractionCorpus.Score(pages, predictions);
        Console.WriteLine($"quality: precision {precision:0.000}  recall {recall:0.000}  F1 {f1:0.000}  (not extracted: {string.Join(", ", failures.Select(f => $"{f.Key} {f.Value}"))})");

        if (Option("--out") is { } output)
        {
            File.WriteAllText(output, JsonSerializer.Serialize(predictions.ToDictionary(p => p.Key, p => new { articleBody = p.Value })));
            Console.WriteLine($"predictions: {output}  (score: python3 {Path.Combine(corpus, "score_trafilatura.py")} {Path.Combine(corpus, "evaldata.json")} {output})");
        }
        if (Option("--misses") is { } missesPath)
            File.WriteAllLines(missesPath, misses.Select(m => $"{m.Id}\t{m.Kind}\t{m.Snippet.Replace('\t', ' ').Replace('\n', ' ')}"));

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var parse = Measure("AngleSharp parse only", pages, megabytes, page => { using var d = parser.ParseDocument(page.Html); }, () => page => { using var d = new HtmlParser().ParseDocument(page.Html); });
        var extract = Measure("NewsMonitor extract", pages, megabytes, page => extractor.Extract(page.Html, page.Url), () => page => extractor.Extract(page.Html, page.Url));
        Console.WriteLine($"extract / parse time: {parse.PagesPerSecond / extract.PagesPerSecond:0.00}x (target <= 2x)");

        // Statement extraction on the same articles: how much it adds to HTML extraction.
        var texts = pages.Select(p => (Page: p, Text: extractor.Extract(p.Html, p.Url).Article?.Text ?? "")).ToList();
        var statementExtractor = new StatementExtractor();
        var statementCount = texts.Sum(t => statementExtractor.Extract(t.Text).Count);
        var statements = Measure("statements (same pages)", pages, megabytes, page => statementExtractor.Extract(texts.First(t => ReferenceEquals(t.Page, page)).Text), null, texts.ToDictionary(t => t.Page, t => t.Text));
        Console.WriteLine($"statements: {statementCount} found; statement time / HTML extraction time: {100 * extract.PagesPerSecond / statements.PagesPerSecond:0.0}% (target <= 30%)");
        if (!args.Contains("--no-smartreader"))
        {
            var smart = Measure("SmartReader 0.11.1", pages, megabytes, page => SmartReader.Reader.ParseArticle(page.Url, page.Html, null), null);
            Console.WriteLine($"extract / SmartReader speed: {extract.PagesPerSecond / smart.PagesPerSecond:0.0}x (target >= 3x)");
        }
        return 0;
    }

    private sealed record Figures(double PagesPerSecond);

    private static Figures Measure(string name, List<CorpusPage> pages, double megabytes, Action<CorpusPage> work, Func<Action<CorpusPage>>? parallelWork, Dictionary<CorpusPage, string>? texts = null)
    {
        if (texts is not null)
        {
            // Statement extraction works on the article text, looked up outside the timed call.
            var extractor = new StatementExtractor();
            work = page => extractor.Extract(texts[page]);
        }
        foreach (var page in pages.Take(50)) work(page); // warm up the JIT
        // Best of three passes: the machine is shared, and the best pass is the least disturbed one.
        var best = TimeSpan.MaxValue;
        var allocated = 0.0;
        var slowest = (Time: TimeSpan.Zero, Id: "");
        for (var pass = 0; pass < 3; pass++)
        {
            GC.Collect();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var total = Stopwatch.StartNew();
            foreach (var page in pages)
            {
                var started = Stopwatch.GetTimestamp();
                work(page);
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (pass == 0 && elapsed > slowest.Time) slowest = (elapsed, page.Id);
            }
            total.Stop();
            allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)pages.Count;
            if (total.Elapsed < best) best = total.Elapsed;
        }
        var perSecond = pages.Count / best.TotalSeconds;
        var line = $"{name,-24} 1 core: {perSecond,7:0.0} pages/s {megabytes / best.TotalSeconds,6:0.0} MB/s  {allocated / (1024 * 1024),5:0.00} MB allocated/page  slowest {slowest.Time.TotalMilliseconds:0} ms ({slowest.Id})";
        if (parallelWork is not null)
        {
            var all = Stopwatch.StartNew();
            Parallel.ForEach(pages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => parallelWork(), (page, _, w) => { w(page); return w; }, _ => { });
            all.Stop();
            line += $"  | {Environment.ProcessorCount} cores: {pages.Count / all.Elapsed.TotalSeconds:0.0} pages/s";
        }
        Console.WriteLine(line);
        return new Figures(perSecond);
    }
}
