using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Index;

/// <summary>
/// Keeps the statement index (<see cref="IndexLayout"/>): each statement stored once with every source
/// that reported it, speakers as entities, and the markers the queries list. Every write is
/// create-if-absent or conditional on the version read, so an article indexed twice, or two articles
/// indexed at once by two instances, leave one statement with each source once.
/// </summary>
public sealed partial class StatementIndex(IBlobStore blobs, TimeProvider time, ILogger<StatementIndex> logger)
{
    /// <summary>How many of a speaker's latest statements a new report is compared with (see <see cref="StatementMatcher"/>).</summary>
    public const int RecentPerSpeaker = 200;

    /// <summary>
    /// Summaries first seen this long ago are folded into the day digest; newer ones are read one by one.
    /// Far longer than any write takes, so no summary is written behind a digest's cutoff.
    /// </summary>
    public static readonly TimeSpan CompactionMargin = TimeSpan.FromMinutes(10);

    private const string Json = "application/json";
    private const int MaxAttempts = 25;

    private readonly ConcurrentDictionary<string, byte> _knownDays = new(StringComparer.Ordinal);

    public IBlobStore Blobs => blobs;

    /// <summary>
    /// Indexes an article's statements and returns them with each id resolved to the stored statement it
    /// repeats: the same words (any punctuation), the same speaker's words trimmed or cut with an
    /// ellipsis, or the same statement in an earlier version of the article. Alerts use these ids, so a
    /// statement alerts once however many outlets report it.
    /// </summary>
    public async Task<StatementsDocument> AddAsync(StatementsDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Statements.Count == 0) return document;
        var host = IndexLayout.HostKey(new Uri(document.Url));
        var speakers = new Dictionary<string, SpeakerUpdate>(StringComparer.Ordinal);
        var resolved = new List<StatementRecord>(document.Statements.Count);
        foreach (var statement in document.Statements)
        {
            var speakerKey = SpeakerKeys.For(statement.Speaker);
            SpeakerUpdate? speaker = null;
            if (speakerKey is not null && !speakers.TryGetValue(speakerKey, out speaker))
            {
                speaker = new SpeakerUpdate(await GetSpeakerAsync(speakerKey, cancellationToken).ConfigureAwait(false), _prepared);
                speakers[speakerKey] = speaker;
            }
            speaker?.Seen(statement.Speaker!);

            var source = new StatementSource(document.ArticleKey, document.CanonicalUrl ?? document.Url, document.Title, document.SiteName, host,
                document.PublishedAt, time.GetUtcNow(), statement.Text, statement.Cue, statement.Speaker?.Mention, statement.Start, statement.End, statement.Confidence);
            var existing = await ResolveAsync(statement, speaker, cancellationToken).ConfigureAwait(false);
            var entry = existing is null
                ? await CreateAsync(statement, speakerKey, source, cancellationToken).ConfigureAwait(false)
                : await AddSourceAsync(existing, source, cancellationToken).ConfigureAwait(false);
            speaker?.Statement(entry);
            resolved.Add(statement with { Id = entry.Id });
        }
        foreach (var (key, update) in speakers)
            await UpdateSpeakerAsync(key, update, cancellationToken).ConfigureAwait(false);
        return document with { Statements = resolved };
    }

    public async Task<StatementEntry?> GetStatementAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!StatementIds.IsValid(id)) return null;
        return (await GetAsync<StatementEntry>(IndexLayout.StatementName(id), cancellationToken).ConfigureAwait(false))?.Value;
    }

    public async Task<SpeakerEntity?> GetSpeakerAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (await GetAsync<SpeakerEntity>(IndexLayout.SpeakerName(key), cancellationToken).ConfigureAwait(false))?.Value;
    }

    /// <summary>The stored statement this one repeats, or null when it is new.</summary>
    private async Task<StatementEntry?> ResolveAsync(StatementRecord statement, SpeakerUpdate? speaker, CancellationToken cancellationToken)
    {
        if (await GetStatementAsync(statement.Id, cancellationToken).ConfigureAwait(false) is { } exact) return exact;
        if (speaker is null) return null;
        var prepared = StatementMatcher.Prepare(statement.Text);
        foreach (var candidate in speaker.Candidates())
        {
            if (!StatementMatcher.AreSame(candidate.Prepared, prepared)) continue;
            if (await GetStatementAsync(candidate.Statement.Id, cancellationToken).ConfigureAwait(false) is { } similar) return similar;
        }
        return null;
    }

    private async Task<StatementEntry> CreateAsync(StatementRecord statement, string? speakerKey, StatementSource source, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = new StatementEntry(statement.Id, statement.Kind, statement.Text, statement.Speaker, speakerKey, statement.Confidence, now, [source with { SeenAt = now }]);
        var position = IndexLayout.Position(now, entry.Id);
        var day = IndexLayout.Day(now);
        // Markers first, the statement last: readers skip a marker whose statement does not exist yet, so a
        // failure in between shows nothing half-done, and the retry (the article is not marked seen) writes the rest.
        await blobs.TryCreateAsync(IndexLayout.Container, $"{IndexLayout.ByDayPrefix(day)}{position}.json", NewsMonitorJson.ToBinary(entry.Summarise()), Json, cancellationToken).ConfigureAwait(false);
        if (!_knownDays.ContainsKey(day))
        {
            await blobs.TryCreateAsync(IndexLayout.Container, IndexLayout.DayName(day), BinaryData.Empty, Json, cancellationToken).ConfigureAwait(false);
            _knownDays.TryAdd(day, 0);
        }
        if (speakerKey is not null)
            await blobs.TryCreateAsync(IndexLayout.Container, IndexLayout.BySpeakerPrefix(speakerKey) + position, BinaryData.Empty, Json, cancellationToken).ConfigureAwait(false);
        await blobs.TryCreateAsync(IndexLayout.Container, IndexLayout.ByHostPrefix(source.Host) + position, BinaryData.Empty, Json, cancellationToken).ConfigureAwait(false);
        if (await blobs.TryCreateAsync(IndexLayout.Container, IndexLayout.StatementName(entry.Id), NewsMonitorJson.ToBinary(entry), Json, cancellationToken).ConfigureAwait(false))
            return entry;
        // Another article with the same words was indexed at the same moment: join it.
        var winner = await GetStatementAsync(entry.Id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Statement {entry.Id} exists and cannot be read.");
        return await AddSourceAsync(winner, source, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a source to a stored statement (once per article), retrying when another writer got there first.</summary>
    private async Task<StatementEntry> AddSourceAsync(StatementEntry entry, StatementSource source, CancellationToken cancellationToken)
    {
        var name = IndexLayout.StatementName(entry.Id);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await GetAsync<StatementEntry>(name, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Statement {entry.Id} disappeared while adding a source.");
            var stored = current.Value;
            if (stored.Sources.Any(s => s.ArticleKey == source.ArticleKey)) return stored;
            if (stored.Sources.All(s => s.Host != source.Host))
                await blobs.TryCreateAsync(IndexLayout.Container, IndexLayout.ByHostPrefix(source.Host) + IndexLayout.Position(stored.FirstSeenAt, stored.Id), BinaryData.Empty, Json, cancellationToken).ConfigureAwait(false);
            var updated = stored with { Sources = [.. stored.Sources, source with { SeenAt = time.GetUtcNow() }] };
            if (await blobs.TryReplaceAsync(IndexLayout.Container, name, NewsMonitorJson.ToBinary(updated), Json, current.ETag, cancellationToken).ConfigureAwait(false))
                return updated;
            await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
        }
        throw new InvalidOperationException($"Statement {entry.Id} kept changing; the source {source.Url} was not added (the article will be retried).");
    }

    private async Task UpdateSpeakerAsync(string key, SpeakerUpdate update, CancellationToken cancellationToken)
    {
        var name = IndexLayout.SpeakerName(key);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var current = await GetAsync<SpeakerEntity>(name, cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                var created = update.ApplyTo(new SpeakerEntity(key, update.Names[0], [], [], now, now, []), now);
                if (await blobs.TryCreateAsync(IndexLayout.Container, name, NewsMonitorJson.ToBinary(created), Json, cancellationToken).ConfigureAwait(false)) return;
                continue;
            }
            var merged = update.ApplyTo(current.Value.Value, now);
            if (ReferenceEquals(merged, current.Value.Value)) return;
            if (await blobs.TryReplaceAsync(IndexLayout.Container, name, NewsMonitorJson.ToBinary(merged), Json, current.Value.ETag, cancellationToken).ConfigureAwait(false)) return;
            await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
        }
        // The statements are indexed; only the speaker's names, roles and matching cache missed this article.
        LogSpeakerContended(key);
    }

    /// <summary>
    /// Folds summaries first seen before now minus <see cref="CompactionMargin"/> into their day's digest,
    /// for the days that have statements newer than their digest. Queries then read one blob per day instead
    /// of one per statement. Safe to run on several instances at once and to repeat.
    /// </summary>
    /// <returns>How many summaries were folded in.</returns>
    public async Task<int> CompactAsync(CancellationToken cancellationToken = default)
    {
        var digested = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var name in blobs.ListAsync(IndexLayout.Container, "digests/", cancellationToken).ConfigureAwait(false))
            digested.Add(Path.GetFileNameWithoutExtension(name));
        var recent = IndexLayout.Day(time.GetUtcNow() - TimeSpan.FromDays(1) - CompactionMargin);
        var folded = 0;
        await foreach (var name in blobs.ListAsync(IndexLayout.Container, IndexLayout.DaysPrefix, cancellationToken).ConfigureAwait(false))
        {
            var day = name[IndexLayout.DaysPrefix.Length..];
            // Past days are complete once digested; today and yesterday keep receiving statements.
            if (digested.Contains(day) && string.CompareOrdinal(day, recent) < 0) continue;
            folded += await CompactDayAsync(day, cancellationToken).ConfigureAwait(false);
        }
        return folded;
    }

    private async Task<int> CompactDayAsync(string day, CancellationToken cancellationToken)
    {
        var endOfDay = DateTimeOffset.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal).AddDays(1).AddTicks(-1);
        var cutoff = time.GetUtcNow() - CompactionMargin;
        if (cutoff > endOfDay) cutoff = endOfDay;
        var current = await GetAsync<DayDigest>(IndexLayout.DigestName(day), cancellationToken).ConfigureAwait(false);
        var digest = current?.Value ?? new DayDigest(day, DateTimeOffset.MinValue, []);
        if (digest.Cutoff >= cutoff) return 0;
        var have = digest.Statements.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var added = new List<StatementSummary>();
        await foreach (var name in blobs.ListAsync(IndexLayout.Container, IndexLayout.ByDayPrefix(day), cancellationToken).ConfigureAwait(false))
        {
            if (!IndexLayout.TryParsePosition(name, out _, out var firstSeen, out var id) || firstSeen > cutoff || have.Contains(id)) continue;
            if ((await GetAsync<StatementSummary>(name, cancellationToken).ConfigureAwait(false))?.Value is { } summary && have.Add(id)) added.Add(summary);
        }
        var next = new DayDigest(day, cutoff, digest.Statements.Concat(added).OrderByDescending(s => s.FirstSeenAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList());
        var content = NewsMonitorJson.ToBinary(next);
        // Conditional, so two compactors never replace a newer digest with an older one.
        var written = current is null
            ? await blobs.TryCreateAsync(IndexLayout.Container, IndexLayout.DigestName(day), content, Json, cancellationToken).ConfigureAwait(false)
            : await blobs.TryReplaceAsync(IndexLayout.Container, IndexLayout.DigestName(day), content, Json, current.Value.ETag, cancellationToken).ConfigureAwait(false);
        return written ? added.Count : 0;
    }

    internal async Task<(T Value, string ETag)?> GetAsync<T>(string name, CancellationToken cancellationToken) where T : class
    {
        var blob = await blobs.GetAsync(IndexLayout.Container, name, cancellationToken).ConfigureAwait(false);
        return blob is not null && NewsMonitorJson.FromBinary<T>(blob.Content) is { } value ? (value, blob.ETag) : null;
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 + 20 * Math.Min(attempt, 10)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Speaker {Key} kept changing under concurrent updates; this article's names and roles for it were not recorded")]
    private partial void LogSpeakerContended(string key);

    /// <summary>What one article says about a speaker: names, roles, and the statements it added or repeated.</summary>
    /// <summary>
    /// Statement texts split into words, by id (an id is a hash of the words, so an entry never goes stale).
    /// A much-quoted speaker's recent statements are compared with every new report of theirs; splitting them
    /// once per process instead of once per article keeps that cheap. Bounded: cleared when full.
    /// </summary>
    private sealed class PreparedTexts
    {
        private const int Capacity = 50_000;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StatementMatcher.Prepared> _byId = new(StringComparer.Ordinal);

        public StatementMatcher.Prepared For(RecentStatement statement)
        {
            if (_byId.TryGetValue(statement.Id, out var prepared)) return prepared;
            if (_byId.Count >= Capacity) _byId.Clear();
            return _byId.GetOrAdd(statement.Id, _ => StatementMatcher.Prepare(statement.Text));
        }
    }

    private readonly PreparedTexts _prepared = new();

    private sealed class SpeakerUpdate(SpeakerEntity? stored, PreparedTexts prepared)
    {
        private readonly List<RecentStatement> _statements = [];
        private readonly List<(RecentStatement Statement, StatementMatcher.Prepared Prepared)> _candidates = [];
        private List<(RecentStatement Statement, StatementMatcher.Prepared Prepared)>? _stored;
        private readonly List<(string? Role, string? Organization)> _roles = [];

        public List<string> Names { get; } = [];

        public void Seen(Extraction.Speaker speaker)
        {
            if (speaker.Name is { } name && !Names.Contains(name, StringComparer.Ordinal)) Names.Add(name);
            if ((speaker.Role is not null || speaker.Organization is not null) && !_roles.Contains((speaker.Role, speaker.Organization))) _roles.Add((speaker.Role, speaker.Organization));
        }

        public void Statement(StatementEntry entry)
        {
            if (_statements.Any(s => s.Id == entry.Id)) return;
            var recent = new RecentStatement(entry.Id, entry.Text, entry.FirstSeenAt);
            _statements.Add(recent);
            _candidates.Add((recent, prepared.For(recent)));
        }

        /// <summary>Statements a new report may repeat: this article's so far, then the stored recent ones (split into words once per article).</summary>
        public IEnumerable<(RecentStatement Statement, StatementMatcher.Prepared Prepared)> Candidates()
        {
            _stored ??= (stored?.Recent ?? []).Select(r => (r, prepared.For(r))).ToList();
            return _candidates.Concat(_stored);
        }

        /// <summary>The entity with this article's names, roles and statements; the same instance when nothing changes.</summary>
        public SpeakerEntity ApplyTo(SpeakerEntity entity, DateTimeOffset now)
        {
            var changed = false;
            var names = entity.Names.ToList();
            foreach (var name in Names.Where(n => !names.Contains(n, StringComparer.Ordinal)))
            {
                names.Add(name);
                changed = true;
            }
            var roles = entity.Roles.ToList();
            foreach (var (role, organization) in _roles)
            {
                var at = roles.FindIndex(r => SameText(r.Role, role) && SameText(r.Organization, organization));
                if (at < 0)
                {
                    roles.Add(new SpeakerRole(role, organization, now, now));
                    changed = true;
                }
                else if (roles[at].LastSeenAt.UtcDateTime.Date < now.UtcDateTime.Date)
                {
                    // Day granularity: a speaker quoted all day long does not rewrite the entity each time.
                    roles[at] = roles[at] with { LastSeenAt = now };
                    changed = true;
                }
            }
            var recent = entity.Recent.ToList();
            foreach (var statement in _statements.Where(s => recent.All(r => r.Id != s.Id)))
            {
                recent.Add(statement);
                changed = true;
            }
            var lastSeen = entity.LastSeenAt;
            if (lastSeen.UtcDateTime.Date < now.UtcDateTime.Date)
            {
                lastSeen = now;
                changed = true;
            }
            if (!changed) return entity;
            return entity with
            {
                Names = names,
                Roles = roles,
                LastSeenAt = lastSeen,
                Recent = recent.OrderByDescending(r => r.FirstSeenAt).Take(RecentPerSpeaker).ToList(),
            };
        }

        private static bool SameText(string? a, string? b) => a is null ? b is null : b is not null && Words.Normalise(a) == Words.Normalise(b);
    }
}
