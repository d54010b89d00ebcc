using System.Runtime.CompilerServices;
using System.Text.Json;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring.Index;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Query;

/// <summary>A statement found by a query: the statement once, its first report's article, and every source.</summary>
/// <remarks>The positional fields are the first report's (the article, cue and offsets where NewsMonitor first saw it).</remarks>
public sealed record StatementHit(
    string Id,
    string Kind,
    string Text,
    Speaker? Speaker,
    string? Cue,
    int Start,
    int End,
    double Confidence,
    string ArticleKey,
    string Url,
    string? Title,
    string? SiteName,
    DateTimeOffset? PublishedAt,
    DateTimeOffset FetchedAt)
{
    public DateTimeOffset FirstSeenAt { get; init; }
    public string? SpeakerKey { get; init; }
    public IReadOnlyList<StatementSource> Sources { get; init; } = [];

    public static StatementHit From(StatementEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var first = entry.Sources[0];
        return new StatementHit(entry.Id, JsonNamingPolicy.CamelCase.ConvertName(entry.Kind.ToString()), entry.Text, entry.Speaker, first.Cue, first.Start, first.End,
            entry.Confidence, first.ArticleKey, first.Url, first.Title, first.SiteName, first.PublishedAt, first.SeenAt)
        {
            FirstSeenAt = entry.FirstSeenAt,
            SpeakerKey = entry.SpeakerKey,
            Sources = entry.Sources,
        };
    }
}

/// <summary>One page of a query's results.</summary>
/// <param name="Continuation">Pass as <c>continuation</c> for the next page; null on the last page.</param>
public sealed record StatementPage(IReadOnlyList<StatementHit> Statements, string? Continuation);

/// <summary>
/// Answers statement queries from the index, newest first. A speaker query lists the speaker's markers,
/// an outlet query the outlet's; anything else walks the days newest first, reading each day's digest
/// (one blob) and the few summaries newer than it, and reads a statement itself only when its summary
/// passes the filters. See docs/storage.md for the cost per query.
/// </summary>
public sealed class StatementSearch(StatementIndex index)
{
    /// <summary>Blobs read at once: enough to hide storage latency, few enough not to flood it.</summary>
    private const int Parallel = 16;

    /// <summary>Above this many of a speaker's statements, filtering them through the day digests is cheaper than reading each.</summary>
    private const int DayScanAbove = 200;

    private sealed record Candidate(string Position, string Id, DateTimeOffset FirstSeen, StatementSummary? Summary);

    public async Task<StatementPage> SearchAsync(StatementQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var candidates = await PlanAsync(query, cancellationToken).ConfigureAwait(false);
        var hits = new List<StatementHit>(Math.Min(query.Limit, 256));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? last = null;
        var more = false;
        var batch = new List<Candidate>(Parallel);
        await foreach (var candidate in candidates.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (query.Since is { } since && candidate.FirstSeen < since) break; // first seen is never before publication: nothing older can match
            if (!seen.Add(candidate.Id)) continue; // a statement listed twice (a retried write): once
            if (candidate.Summary is { } summary && !query.Matches(summary)) continue;
            batch.Add(candidate);
            if (batch.Count < Parallel) continue;
            (last, more) = await ReadBatchAsync(batch, query, hits, last, cancellationToken).ConfigureAwait(false);
            batch.Clear();
            if (more) break;
        }
        if (!more && batch.Count > 0) (last, more) = await ReadBatchAsync(batch, query, hits, last, cancellationToken).ConfigureAwait(false);
        return new StatementPage(hits, more && last is not null ? ContinuationToken.Write(last, query) : null);
    }

    /// <summary>Reads a batch of statements at once and keeps those that match; reports whether the page overflowed.</summary>
    private async Task<(string? Last, bool More)> ReadBatchAsync(List<Candidate> batch, StatementQuery query, List<StatementHit> hits, string? last, CancellationToken cancellationToken)
    {
        var entries = await Task.WhenAll(batch.Select(c => index.GetStatementAsync(c.Id, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++)
        {
            // A marker without its statement is a write in progress (or one that failed and will be retried): skip it.
            if (entries[i] is not { Sources.Count: > 0 } entry || !query.Matches(entry)) continue;
            if (hits.Count == query.Limit) return (last, true);
            hits.Add(StatementHit.From(entry));
            last = batch[i].Position;
        }
        return (last, false);
    }

    private async Task<IAsyncEnumerable<Candidate>> PlanAsync(StatementQuery query, CancellationToken cancellationToken)
    {
        if (query.Speaker is { } speaker)
        {
            var keys = await SpeakerKeysAsync(speaker, cancellationToken).ConfigureAwait(false);
            if (keys.Count > 0)
            {
                var markers = await ListMarkersAsync(keys.Select(IndexLayout.BySpeakerPrefix).ToList(), query.Continuation, cancellationToken).ConfigureAwait(false);
                // A much-quoted speaker and a filter the summaries answer (words, organisation, kind...): reading
                // each day's digest is cheaper than reading each of the speaker's statements to filter it.
                if (markers.Count > DayScanAbove && HasSummaryFilters(query)) return ScanDaysAsync(query, cancellationToken);
                return Enumerate(markers);
            }
            // Nobody by that name: unnamed speakers ("a spokesperson") are only in the day summaries.
        }
        if (query.Host is { } host) return Enumerate(await ListMarkersAsync([IndexLayout.ByHostPrefix(host)], query.Continuation, cancellationToken).ConfigureAwait(false));
        return ScanDaysAsync(query, cancellationToken);
    }

    private static bool HasSummaryFilters(StatementQuery query) =>
        query.Text is not null || query.Organization is not null || query.Kind is not null || query.MinConfidence is not null || query.Until is not null;

    private static IAsyncEnumerable<Candidate> Enumerate(List<Candidate> candidates) => candidates.ToAsyncEnumerable();

    /// <summary>The key of the speaker the query names in full, else the keys of the speakers whose names contain the query's words.</summary>
    public async Task<IReadOnlyList<string>> SpeakerKeysAsync(string speaker, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        // A full name, as most queries give it: one read instead of listing every speaker.
        if (SpeakerKeys.For(speaker) is { } exact && await index.GetSpeakerAsync(exact, cancellationToken).ConfigureAwait(false) is not null) return [exact];
        var keys = new List<string>();
        var nonAscii = new List<string>();
        await foreach (var name in index.Blobs.ListAsync(IndexLayout.Container, IndexLayout.SpeakersPrefix, cancellationToken).ConfigureAwait(false))
        {
            var key = name[IndexLayout.SpeakersPrefix.Length..^".json".Length];
            if (key.StartsWith("x-", StringComparison.Ordinal)) nonAscii.Add(key);
            else if (SpeakerKeys.KeyContainsWords(key, speaker)) keys.Add(key);
        }
        // Names in other scripts are hashed in the key: read them to compare (there are few).
        if (speaker.Any(c => c > 127))
            foreach (var key in nonAscii)
                if (await index.GetSpeakerAsync(key, cancellationToken).ConfigureAwait(false) is { } entity && entity.Names.Any(n => SpeakerKeys.Matches(n, null, speaker)))
                    keys.Add(key);
        return keys;
    }

    /// <summary>Markers under the prefixes, merged newest first, after the continuation position.</summary>
    private async Task<List<Candidate>> ListMarkersAsync(List<string> prefixes, string? after, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        foreach (var prefix in prefixes)
            await foreach (var name in index.Blobs.ListAsync(IndexLayout.Container, prefix, cancellationToken).ConfigureAwait(false))
                if (IndexLayout.TryParsePosition(name, out var position, out var firstSeen, out var id) && (after is null || string.CompareOrdinal(position, after) > 0))
                    candidates.Add(new Candidate(position, id, firstSeen, null));
        candidates.Sort((a, b) => string.CompareOrdinal(a.Position, b.Position));
        return candidates;
    }

    /// <summary>Day by day, newest first: each day's summaries from its digest and the few written since.</summary>
    private async IAsyncEnumerable<Candidate> ScanDaysAsync(StatementQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var days = new List<string>();
        await foreach (var name in index.Blobs.ListAsync(IndexLayout.Container, IndexLayout.DaysPrefix, cancellationToken).ConfigureAwait(false))
            days.Add(name[IndexLayout.DaysPrefix.Length..]);
        days.Sort((a, b) => string.CompareOrdinal(b, a));
        var sinceDay = query.Since is { } since ? IndexLayout.Day(since) : null;
        string? afterDay = null;
        if (query.Continuation is { } after && IndexLayout.TryParsePosition(after, out _, out var afterSeen, out _)) afterDay = IndexLayout.Day(afterSeen);
        foreach (var day in days)
        {
            if (sinceDay is not null && string.CompareOrdinal(day, sinceDay) < 0) yield break;
            if (afterDay is not null && string.CompareOrdinal(day, afterDay) > 0) continue;
            foreach (var summary in await ReadDayAsync(day, cancellationToken).ConfigureAwait(false))
            {
                var position = IndexLayout.Position(summary.FirstSeenAt, summary.Id);
                if (query.Continuation is { } resume && string.CompareOrdinal(position, resume) <= 0) continue;
                yield return new Candidate(position, summary.Id, summary.FirstSeenAt, summary);
            }
        }
    }

    /// <summary>A day's summaries, newest first: the digest, plus the summaries written after its cutoff.</summary>
    private async Task<List<StatementSummary>> ReadDayAsync(string day, CancellationToken cancellationToken)
    {
        var digest = (await index.GetAsync<DayDigest>(IndexLayout.DigestName(day), cancellationToken).ConfigureAwait(false))?.Value;
        var endOfDay = DateTimeOffset.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal).AddDays(1).AddTicks(-1);
        if (digest is not null && digest.Cutoff >= endOfDay) return digest.Statements.ToList();

        var digested = digest?.Statements.ToDictionary(s => s.Id, StringComparer.Ordinal) ?? [];
        var summaries = new List<StatementSummary>();
        var toRead = new List<string>();
        await foreach (var name in index.Blobs.ListAsync(IndexLayout.Container, IndexLayout.ByDayPrefix(day), cancellationToken).ConfigureAwait(false))
        {
            if (!IndexLayout.TryParsePosition(name, out _, out _, out var id)) continue;
            if (digested.TryGetValue(id, out var known)) summaries.Add(known);
            else toRead.Add(name);
        }
        foreach (var chunk in toRead.Chunk(Parallel))
        {
            var read = await Task.WhenAll(chunk.Select(name => index.GetAsync<StatementSummary>(name, cancellationToken))).ConfigureAwait(false);
            summaries.AddRange(read.Where(r => r is not null).Select(r => r!.Value.Value));
        }
        summaries.Sort((a, b) => string.CompareOrdinal(IndexLayout.Position(a.FirstSeenAt, a.Id), IndexLayout.Position(b.FirstSeenAt, b.Id)));
        return summaries;
    }
}
