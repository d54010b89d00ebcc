namespace NewsMonitor.Extraction;

/// <summary>Metadata read from a page before its main content is located.</summary>
internal sealed class PageMetadata
{
    public string? Title { get; set; }
    public string? Byline { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset? ModifiedAt { get; set; }
    public string? Language { get; set; }
    public string? SiteName { get; set; }
    public string? Description { get; set; }
    public string? ImageUrl { get; set; }
    public string? CanonicalUrl { get; set; }

    /// <summary>The JSON-LD articleBody, when the page publishes one.</summary>
    public string? ArticleBody { get; set; }

    public Dictionary<string, string> Signals { get; } = new(StringComparer.Ordinal);

    public void Set<T>(string field, T? value, string signal, Action<T> assign)
    {
        if (value is null || value is string { Length: 0 } || Signals.ContainsKey(field)) return;
        assign(value);
        Signals[field] = signal;
    }
}
