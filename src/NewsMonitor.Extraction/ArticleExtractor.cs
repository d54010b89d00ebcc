using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsMonitor.Extraction;

/// <summary>Turns an HTML page into a clean <see cref="Article"/>: metadata plus the main text without boilerplate.</summary>
/// <remarks>Thread-safe; one instance can serve all callers.</remarks>
public sealed partial class ArticleExtractor
{
    private const int SmallBlockChars = 400;

    private readonly ArticleExtractorOptions _options;

    // A parser per thread: parsing allocates per document anyway, and this avoids sharing parser state.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions
    {
        IsScripting = false,
        IsKeepingSourceReferences = false,
    }));

    public ArticleExtractor(ArticleExtractorOptions? options = null) => _options = options ?? ArticleExtractorOptions.Default;

    /// <summary>Extracts from raw page bytes, choosing the charset from the BOM, the Content-Type header, &lt;meta&gt; and the bytes.</summary>
    public ExtractionResult Extract(ReadOnlySpan<byte> page, string? contentType, string? url = null)
    {
        if (page.Length > _options.MaxHtmlChars * 2L)
            return TooLarge(page.Length);
        if (LooksBinary(page))
            return ExtractionResult.Failure(ExtractionStatus.NotHtml, "the page is binary, not HTML");
        return Extract(PageDecoder.Decode(page, contentType).Text, url);
    }

    public ExtractionResult Extract(string html, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Length > _options.MaxHtmlChars) return TooLarge(html.Length);
        if (html.AsSpan(0, Math.Min(html.Length, 2048)).Contains('\0'))
            return ExtractionResult.Failure(ExtractionStatus.NotHtml, "the page contains NUL characters: not HTML");

        using var document = Parser.Value!.ParseDocument(html);
        return Extract(document, url, null);
    }

    /// <summary>Stage outputs, for diagnosing where text was lost (bench).</summary>
    internal sealed class Trace
    {
        public string PageText = "";
        public string PrunedText = "";
        public string RootText = "";
        public List<TextBlock> Blocks = [];
    }

    internal ExtractionResult Extract(AngleSharp.Dom.IDocument document, string? url, Trace? trace)
    {
        if (trace is not null) trace.PageText = document.Body?.TextContent ?? "";
        var metadata = MetadataReader.Read(document, url);
        var locator = new ContentLocator();
        var roots = locator.Locate(document, metadata.Title);
        if (trace is not null)
        {
            trace.PrunedText = document.Body?.TextContent ?? "";
            trace.RootText = string.Join(" ", roots.Select(r => r.TextContent));
        }
        var rootText = roots.Sum(locator.TextLength);
        // Inside the article, small blocks whose class says "byline", "tags", "caption", ... are left out.
        var blocks = BlockTextWriter.Write(roots, e => IsBoilerplateSection(e)
            || (locator.Hints.LeansBoilerplate(e) && locator.TextLength(e) < Math.Min(rootText / 3, SmallBlockChars)));
        if (trace is not null) trace.Blocks = blocks;
        var paragraphs = SelectParagraphs(blocks, metadata.Title);

        var signals = metadata.Signals;
        var total = paragraphs.Sum(p => p.Length);
        if (metadata.ArticleBody is { } body && body.Length >= _options.MinArticleChars && total < body.Length / 2)
        {
            // The markup hides the text (rendered by script, or split oddly); the publisher's own copy is better.
            paragraphs = SplitArticleBody(body);
            total = paragraphs.Sum(p => p.Length);
            signals["text"] = "json-ld";
        }
        else
        {
            signals["text"] = "dom";
        }

        if (total < _options.MinArticleChars || !paragraphs.Any(p => p.Length >= 40))
            return ExtractionResult.Failure(ExtractionStatus.NoMainContent, "no main content: the page has no block of article text");
        if (roots.Count == 1 && roots[0] == document.Body && locator.LinkDensity(roots[0]) > 0.5)
            return ExtractionResult.Failure(ExtractionStatus.NoMainContent, "no main content: the page is mostly links");

        return ExtractionResult.Success(new Article
        {
            Url = url,
            CanonicalUrl = metadata.CanonicalUrl,
            Title = metadata.Title,
            Byline = metadata.Byline,
            PublishedAt = metadata.PublishedAt,
            ModifiedAt = metadata.ModifiedAt,
            Language = metadata.Language,
            SiteName = metadata.SiteName,
            Description = metadata.Description,
            ImageUrl = metadata.ImageUrl,
            Paragraphs = paragraphs,
            Text = string.Join(TextLayout.ParagraphSeparator, paragraphs),
            Signals = signals,
        });
    }

    private ExtractionResult TooLarge(long size) => ExtractionResult.Failure(
        ExtractionStatus.TooLarge, $"the page is {size:N0} characters; the limit is {_options.MaxHtmlChars:N0}");

    private static bool LooksBinary(ReadOnlySpan<byte> page)
    {
        var head = page[..Math.Min(page.Length, 1024)];
        // UTF-16 pages carry NULs but start with a BOM, which the decoder handles.
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return false;
        return head.Contains((byte)0);
    }

    /// <summary>Sections whose heading says what they are: comments, related stories, author boxes.</summary>
    private static bool IsBoilerplateSection(IElement element)
    {
        if (element.LocalName is "figcaption") return true;
        if (element.LocalName is not ("div" or "section" or "aside" or "ul" or "ol" or "form")) return false;
        var first = element.FirstElementChild;
        if (first is null || !BoilerplateRules.HeadingTags.Contains(first.LocalName)) return false;
        var heading = TextNormaliser.Collapse(first.TextContent).TrimEnd(':', '.').ToLowerInvariant();
        return BoilerplateRules.BoilerplateHeadings.Contains(heading);
    }

    private static List<string> SelectParagraphs(List<TextBlock> blocks, string? title)
    {
        var kept = new List<TextBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            var text = block.Text.Trim();
            if (text.Length == 0) continue;
            if (block.Tag == "h1") continue; // The headline is metadata, not body text.
            // The headline repeated above the body, whatever markup carries it.
            if (title is not null && string.Equals(text, title, StringComparison.OrdinalIgnoreCase)) continue;
            if (block.LinkDensity > 0.5 && text.Length < 400) continue;
            if (IsBoilerplateLine(text, block)) continue;
            if (DateLine().IsMatch(text)) continue;
            kept.Add(block with { Text = text });
        }
        TrimEdges(kept);
        return kept.Select(b => b.Text).ToList();
    }

    /// <summary>
    /// Labels at the edges of an article — a date, a category, an author's name, "Related Coverage" —
    /// are not article text. Short blocks that do not read as sentences are trimmed from both ends.
    /// </summary>
    private static void TrimEdges(List<TextBlock> blocks)
    {
        while (blocks.Count > 1 && IsEdgeLabel(blocks[^1])) blocks.RemoveAt(blocks.Count - 1);
        var leading = 0;
        while (leading < blocks.Count - 1 && IsEdgeLabel(blocks[leading]) && !blocks[leading].IsHeading) leading++;
        if (leading > 0) blocks.RemoveRange(0, leading);
    }

    private static bool IsEdgeLabel(TextBlock block)
    {
        var text = block.Text;
        if (text.Length >= BoilerplateRules.EdgeLabelChars) return false;
        var last = text[^1];
        return block.IsHeading || !(last is '.' or '!' or '?' or '"' or '”' or '»' or '“' or ')' or '…');
    }

    private static bool IsBoilerplateLine(string text, TextBlock block)
    {
        if (block.IsHeading && BoilerplateRules.BoilerplateHeadings.Contains(text.TrimEnd(':', '.').ToLowerInvariant())) return true;
        if (IsFollowLine(text)) return true;
        if (text.Length >= BoilerplateRules.ShortParagraph) return false;
        foreach (var phrase in BoilerplateRules.BoilerplatePhrases)
            if (text.Contains(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>"Follow The Gleaner on Twitter and Instagram …": a call to follow the outlet, however long its list of accounts.</summary>
    private static bool IsFollowLine(string text)
    {
        if (text.Length >= BoilerplateRules.LongFollowLine) return false;
        var opens = false;
        foreach (var opening in BoilerplateRules.FollowOpenings)
            if (text.StartsWith(opening, StringComparison.OrdinalIgnoreCase)) { opens = true; break; }
        if (!opens) return false;
        foreach (var network in BoilerplateRules.SocialNetworks)
            if (text.Contains(network, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // A block that is only a date or time: "23.10.2018", "3:59 PM", "Feb 14, 2020", "2021-10-16".
    [System.Text.RegularExpressions.GeneratedRegex(@"^[\p{P}\s]*(?:(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4})|(?:\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?)|(?:\d{1,2}\.?\s+\p{L}{3,12}\.?\s+\d{4})|(?:\p{L}{3,12}\.?\s+\d{1,2},?\s+\d{4}))(?:[\s,|]+(?:\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?|Uhr|h))*[\p{P}\s]*$")]
    private static partial System.Text.RegularExpressions.Regex DateLine();

    private static List<string> SplitArticleBody(string body)
    {
        var normalised = TextLayout.NormaliseNewlines(body);
        var parts = normalised.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Select(TextNormaliser.Collapse).Where(p => p.Length > 0).ToList();
    }
}
