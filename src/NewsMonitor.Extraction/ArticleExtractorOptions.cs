namespace NewsMonitor.Extraction;

public sealed record ArticleExtractorOptions
{
    /// <summary>Pages larger than this (in characters after decoding) are refused with <see cref="ExtractionStatus.TooLarge"/>.</summary>
    public int MaxHtmlChars { get; init; } = 8 * 1024 * 1024;

    /// <summary>Below this much text, a page is reported as having no main content.</summary>
    public int MinArticleChars { get; init; } = 80;

    public static ArticleExtractorOptions Default { get; } = new();
}
