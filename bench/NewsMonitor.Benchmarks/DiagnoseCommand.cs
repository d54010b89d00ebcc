using AngleSharp.Html.Parser;
using NewsMonitor.Extraction;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// For every missed snippet of the corpus, the extraction stage that lost it; for every leaked one,
/// the kind of block it came from. Tells where tuning pays.
/// </summary>
internal static class DiagnoseCommand
{
    public static int Run(string corpus, string? show)
    {
        var pages = ExtractionCorpus.Load(corpus);
        var extractor = new ArticleExtractor();
        var lost = new Dictionary<string, int>();
        var examples = new Dictionary<string, List<string>>();
        foreach (var page in pages)
        {
            var trace = new ArticleExtractor.Trace();
            using var document = new HtmlParser().ParseDocument(page.Html);
            var result = extractor.Extract(document, page.Url, trace);
            var output = ExtractionCorpus.Normalise(result.Article?.Text ?? "");
            foreach (var with in page.With)
            {
                var snippet = ExtractionCorpus.Normalise(with);
                if (output.Contains(snippet, StringComparison.Ordinal)) continue;
                var blocks = ExtractionCorpus.Normalise(string.Join(" ", trace.Blocks.Select(b => b.Text)));
                var stage = !ExtractionCorpus.Normalise(trace.PageText).Contains(snippet, StringComparison.Ordinal) ? "missing: not in body text (markup, script, attribute)"
                    : !ExtractionCorpus.Normalise(trace.PrunedText).Contains(snippet, StringComparison.Ordinal) ? "missing: pruned as boilerplate"
                    : !ExtractionCorpus.Normalise(trace.RootText).Contains(snippet, StringComparison.Ordinal) ? "missing: outside the chosen content"
                    : !blocks.Contains(snippet, StringComparison.Ordinal) ? "missing: skipped inside the content (class hints, sections)"
                    : !result.IsSuccess ? "missing: page reported without content"
                    : "missing: dropped by the block filter (links, phrases, title)";
                Count(stage, $"{page.Id}: {with}");
            }
            foreach (var without in page.Without)
            {
                var snippet = ExtractionCorpus.Normalise(without);
                if (!output.Contains(snippet, StringComparison.Ordinal)) continue;
                var block = trace.Blocks.FirstOrDefault(b => ExtractionCorpus.Normalise(b.Text).Contains(snippet, StringComparison.Ordinal));
                var kind = block.Text is null ? "leaked: across blocks"
                    : block.Text.Length < 40 ? $"leaked: short block <{block.Tag}>"
                    : block.Text.Length < 160 ? $"leaked: medium block <{block.Tag}>"
                    : $"leaked: long block <{block.Tag}>";
                Count(kind, $"{page.Id}: {without} ⟨{block.Text?[..Math.Min(block.Text.Length, 100)]}⟩");
            }
        }
        foreach (var (stage, count) in lost.OrderByDescending(p => p.Value))
        {
            Console.WriteLine($"{count,5}  {stage}");
            if (show is not null && stage.Contains(show, StringComparison.OrdinalIgnoreCase))
                foreach (var example in examples[stage].Take(40)) Console.WriteLine("         " + example);
        }
        return 0;

        void Count(string stage, string example)
        {
            lost[stage] = lost.GetValueOrDefault(stage) + 1;
            if (!examples.TryGetValue(stage, out var list)) examples[stage] = list = [];
            list.Add(example);
        }
    }
}
