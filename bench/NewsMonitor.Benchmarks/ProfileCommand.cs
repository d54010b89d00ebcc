using System.Diagnostics;
using AngleSharp.Html.Parser;
using NewsMonitor.Extraction;

namespace NewsMonitor.Benchmarks;

/// <summary>Time per extraction stage over a corpus, to see where the extractor spends beyond parsing.</summary>
internal static class ProfileCommand
{
    public static int Run(string corpus)
    {
        var pages = ExtractionCorpus.Load(corpus);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var times = new Dictionary<string, TimeSpan>();
        for (var pass = 0; pass < 2; pass++)
        {
            times.Clear();
            foreach (var page in pages)
            {
                var t = Stopwatch.GetTimestamp();
                using var document = parser.ParseDocument(page.Html);
                Add("parse", ref t);
                var metadata = MetadataReader.Read(document, page.Url);
                Add("metadata", ref t);
                var locator = new ContentLocator();
                var roots = locator.Locate(document, metadata.Title);
                Add("locate", ref t);
                var blocks = BlockTextWriter.Write(roots, e => locator.Hints.LeansBoilerplate(e));
                Add("write", ref t);
            }
        }
        foreach (var (stage, time) in times) Console.WriteLine($"{stage,-10} {time.TotalMilliseconds / pages.Count,6:0.000} ms/page");
        return 0;

        void Add(string stage, ref long t)
        {
            var now = Stopwatch.GetTimestamp();
            times[stage] = times.GetValueOrDefault(stage) + Stopwatch.GetElapsedTime(t, now);
            t = now;
        }
    }
}
