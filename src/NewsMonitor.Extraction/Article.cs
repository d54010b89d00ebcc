namespace NewsMonitor.Extraction;

/// <summary>A clean article: metadata plus the main text, split into paragraphs.</summary>
/// <remarks>
/// <see cref="Text"/> is what statement offsets index into. For HTML input it is the paragraphs joined
/// by a blank line; for plain-text input it is the input itself (newlines normalised to \n).
/// </remarks>
public sealed record Article
{
    public string? Url { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? Title { get; init; }
    public string? Byline { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public DateTimeOffset? ModifiedAt { get; init; }
    public string? Language { get; init; }
    public string? SiteName { get; init; }
    public string? Description { get; init; }
    public string? ImageUrl { get; init; }
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public string Text { get; init; } = "";

    /// <summary>Which signal each metadata field came from (for example <c>title: "json-ld"</c>).</summary>
    public IReadOnlyDictionary<string, string> Signals { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<Statement> Statements { get; init; } = [];

    /// <summary>Builds an article from plain text: paragraphs are separated by blank lines.</summary>
    public static Article FromPlainText(string text, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalised = TextLayout.NormaliseNewlines(text);
        var paragraphs = TextLayout.SplitParagraphs(normalised)
            .Select(range => normalised[range].Trim())
            .Where(p => p.Length > 0)
            .ToArray();
        return new Article
        {
            Url = url,
            Title = paragraphs.Length > 0 ? paragraphs[0] : null,
            Paragraphs = paragraphs,
            Text = normalised,
            Signals = new Dictionary<string, string> { ["title"] = "first-line", ["text"] = "plain-text" },
        };
    }
}
