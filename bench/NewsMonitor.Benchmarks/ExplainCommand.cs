using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsMonitor.Extraction;

namespace NewsMonitor.Benchmarks;

/// <summary>Shows why the extractor chose what it chose on one corpus page: the ranked candidates and the output.</summary>
internal static class ExplainCommand
{
    public static int Run(string corpus, string id)
    {
        var page = ExtractionCorpus.Load(corpus).SingleOrDefault(p => p.Id == id);
        if (page is null)
        {
            Console.Error.WriteLine($"no page {id}");
            return 1;
        }
        using var document = new HtmlParser().ParseDocument(page.Html);
        var locator = new ContentLocator();
        var roots = locator.Locate(document);
        Console.WriteLine($"{page.Id} {page.Url}");
        foreach (var (element, score) in locator.Ranking)
            Console.WriteLine($"  {score,8:0.0}  text {locator.TextLength(element),6}  links {locator.LinkDensity(element):0.00}  {PathOf(element)}");
        Console.WriteLine("roots: " + string.Join(", ", roots.Select(PathOf)));
        foreach (var (tag, @class, text) in locator.Pruned.Where(p => p.Text > 200)) Console.WriteLine($"  pruned {tag}.{@class} ({text} chars)");
        var trace = new ArticleExtractor.Trace();
        using var fresh = new HtmlParser().ParseDocument(page.Html);
        var result = new ArticleExtractor().Extract(fresh, page.Url, trace);
        Console.WriteLine($"blocks before the filter: {trace.Blocks.Count}");
        foreach (var block in trace.Blocks.Take(60)) Console.WriteLine($"  [{block.Tag} {block.LinkDensity:0.00}] " + (block.Text.Length > 120 ? block.Text[..120] + "…" : block.Text));
        Console.WriteLine($"status: {result.Status} {result.Reason}");
        foreach (var with in page.With) Console.WriteLine($"  with    {(Contains(result, with) ? "ok  " : "MISS")} {with}");
        foreach (var without in page.Without) Console.WriteLine($"  without {(Contains(result, without) ? "LEAK" : "ok  ")} {without}");
        foreach (var paragraph in result.Article?.Paragraphs ?? []) Console.WriteLine("  | " + (paragraph.Length > 160 ? paragraph[..160] + "…" : paragraph));
        return 0;
    }

    private static bool Contains(ExtractionResult result, string snippet) =>
        ExtractionCorpus.Normalise(result.Article?.Text ?? "").Contains(ExtractionCorpus.Normalise(snippet), StringComparison.Ordinal);

    internal static string PathOf(IElement element)
    {
        var parts = new List<string>();
        for (var e = element; e is not null && e.LocalName != "html"; e = e.ParentElement)
        {
            var part = e.LocalName;
            if (!string.IsNullOrEmpty(e.Id)) part += "#" + e.Id;
            if (!string.IsNullOrEmpty(e.ClassName)) part += "." + string.Join('.', e.ClassList.Take(3));
            parts.Add(part);
        }
        parts.Reverse();
        return string.Join(" > ", parts);
    }
}
