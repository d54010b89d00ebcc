namespace NewsMonitor.Extraction;

public enum StatementKind
{
    /// <summary>The statement is a quotation in quote marks.</summary>
    Direct,
    /// <summary>Reported speech that quotes part of the words ("argued that there is "no reason for concern"").</summary>
    Mixed,
    /// <summary>Reported speech without quote marks ("X said that ...").</summary>
    Indirect,
}

/// <summary>Who made a statement.</summary>
/// <param name="Name">The resolved full name ("Sun Weimin"), or null when it cannot be decided.</param>
/// <param name="Mention">The words naming the speaker at this statement ("she", "Ms Cao", "the white paper").</param>
/// <param name="Role">The role the article gives the speaker ("deputy director of ...").</param>
/// <param name="Organization">The organisation the role belongs to, when the article names it.</param>
public sealed record Speaker(string? Name, string Mention, string? Role, string? Organization);

/// <summary>A key statement: who said what, with the reporting verb and where it is in the article text.</summary>
/// <param name="Start">Offset of the first character of <paramref name="Text"/> in the article text.</param>
/// <param name="End">Offset just past the last character (exclusive).</param>
/// <param name="Confidence">0..1; lower values are more often wrong.</param>
public sealed record Statement(
    StatementKind Kind,
    string Text,
    Speaker? Speaker,
    string? Cue,
    int Start,
    int End,
    double Confidence)
{
    /// <summary>Which pattern found the statement ("quote-then-attribution", "reported-clause", ...): why it is here.</summary>
    public string? Pattern { get; init; }
}
