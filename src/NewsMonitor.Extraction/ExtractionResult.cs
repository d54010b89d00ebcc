namespace NewsMonitor.Extraction;

public enum ExtractionStatus
{
    Ok,
    /// <summary>The page parsed, but nothing on it looks like an article.</summary>
    NoMainContent,
    /// <summary>The input is larger than the configured cap.</summary>
    TooLarge,
    /// <summary>The input is not HTML or text (binary, an image, ...).</summary>
    NotHtml,
}

/// <summary>The outcome of extracting one page. A page without an article is a result, not an exception.</summary>
public sealed record ExtractionResult(ExtractionStatus Status, Article? Article, string? Reason)
{
    public bool IsSuccess => Status == ExtractionStatus.Ok && Article is not null;

    public static ExtractionResult Success(Article article) => new(ExtractionStatus.Ok, article, null);

    public static ExtractionResult Failure(ExtractionStatus status, string reason) => new(status, null, reason);
}
