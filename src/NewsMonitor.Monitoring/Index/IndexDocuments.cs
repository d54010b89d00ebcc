using NewsMonitor.Extraction;

namespace NewsMonitor.Monitoring.Index;

/// <summary>One outlet's report of a statement.</summary>
/// <param name="Text">The words as this outlet reported them.</param>
/// <param name="Start">Offsets into this article's text.</param>
public sealed record StatementSource(
    string ArticleKey,
    string Url,
    string? Title,
    string? SiteName,
    string Host,
    DateTimeOffset? PublishedAt,
    DateTimeOffset SeenAt,
    string Text,
    string? Cue,
    string? Mention,
    int Start,
    int End,
    double Confidence);

/// <summary>
/// A statement stored once, however many outlets (or versions of an article) reported it. Kind, text,
/// speaker and confidence are the first report's; <see cref="Sources"/> lists every report, first seen first.
/// </summary>
public sealed record StatementEntry(
    string Id,
    StatementKind Kind,
    string Text,
    Speaker? Speaker,
    string? SpeakerKey,
    double Confidence,
    DateTimeOffset FirstSeenAt,
    IReadOnlyList<StatementSource> Sources)
{
    /// <summary>When the statement was made public: the earliest publication date of its sources, else when first seen.</summary>
    public DateTimeOffset Time => Sources.Where(s => s.PublishedAt is not null).Select(s => s.PublishedAt!.Value).DefaultIfEmpty(FirstSeenAt).Min();

    public StatementSummary Summarise() => new(Id, Kind, Text, Speaker?.Name ?? Speaker?.Mention, SpeakerKey, Speaker?.Role, Speaker?.Organization, Confidence, Time, FirstSeenAt);
}

/// <summary>What the day index keeps of a statement: enough to filter on without reading the statement.</summary>
public sealed record StatementSummary(
    string Id,
    StatementKind Kind,
    string Text,
    string? Speaker,
    string? SpeakerKey,
    string? Role,
    string? Organization,
    double Confidence,
    DateTimeOffset Time,
    DateTimeOffset FirstSeenAt);

/// <summary>A day's summaries in one blob: every statement first seen that day up to <see cref="Cutoff"/>.</summary>
public sealed record DayDigest(string Day, DateTimeOffset Cutoff, IReadOnlyList<StatementSummary> Statements);

/// <summary>A role and organisation a speaker was reported with, and when.</summary>
public sealed record SpeakerRole(string? Role, string? Organization, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);

/// <summary>A statement of the speaker's, kept on the speaker so a new report can be matched to it without a search.</summary>
public sealed record RecentStatement(string Id, string Text, DateTimeOffset FirstSeenAt);

/// <summary>A person quoted across articles.</summary>
/// <param name="Names">Every spelling the name was reported with.</param>
/// <param name="Recent">The speaker's latest statements (at most <see cref="StatementIndex.RecentPerSpeaker"/>).</param>
public sealed record SpeakerEntity(
    string Key,
    string Name,
    IReadOnlyList<string> Names,
    IReadOnlyList<SpeakerRole> Roles,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    IReadOnlyList<RecentStatement> Recent);

/// <summary>A speaker as the API lists it: the entity without its matching cache, with a statement count.</summary>
public sealed record SpeakerListing(string Key, string Name, IReadOnlyList<string> Names, IReadOnlyList<SpeakerRole> Roles, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt, int Statements);
