using NewsMonitor.Monitoring.Index;

namespace NewsMonitor.Monitoring.Query;

/// <summary>Lists speakers with how many statements each has, most quoted first.</summary>
public sealed class SpeakerDirectory(StatementIndex index, StatementSearch search)
{
    /// <summary>Below this many speakers, each one's markers are counted by its own listing; above, one listing of all markers is cheaper.</summary>
    private const int CountOneByOne = 20;

    public async Task<IReadOnlyList<SpeakerListing>> ListAsync(string? query, int limit, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> keys;
        if (string.IsNullOrWhiteSpace(query))
        {
            var all = new List<string>();
            await foreach (var name in index.Blobs.ListAsync(IndexLayout.Container, IndexLayout.SpeakersPrefix, cancellationToken).ConfigureAwait(false))
                all.Add(name[IndexLayout.SpeakersPrefix.Length..^".json".Length]);
            keys = all;
        }
        else
        {
            keys = await search.SpeakerKeysAsync(query, cancellationToken).ConfigureAwait(false);
        }
        if (keys.Count == 0) return [];

        var counts = await CountAsync(keys, cancellationToken).ConfigureAwait(false);
        var top = keys.OrderByDescending(k => counts.GetValueOrDefault(k)).ThenBy(k => k, StringComparer.Ordinal).Take(limit).ToList();
        var entities = await Task.WhenAll(top.Select(k => index.GetSpeakerAsync(k, cancellationToken))).ConfigureAwait(false);
        return entities.Where(e => e is not null)
            .Select(e => new SpeakerListing(e!.Key, e.Name, e.Names, e.Roles, e.FirstSeenAt, e.LastSeenAt, counts.GetValueOrDefault(e.Key)))
            .ToList();
    }

    /// <summary>Distinct statements per speaker, from the speaker markers.</summary>
    private async Task<Dictionary<string, int>> CountAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var prefixes = keys.Count <= CountOneByOne ? keys.Select(IndexLayout.BySpeakerPrefix) : [IndexLayout.BySpeakerRoot];
        foreach (var prefix in prefixes)
        {
            await foreach (var name in index.Blobs.ListAsync(IndexLayout.Container, prefix, cancellationToken).ConfigureAwait(false))
            {
                var key = name.Split('/')[1];
                if (!wanted.Contains(key) || !IndexLayout.TryParsePosition(name, out _, out _, out var id)) continue;
                if (!ids.TryGetValue(key, out var set)) ids[key] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(id);
            }
        }
        return ids.ToDictionary(p => p.Key, p => p.Value.Count, StringComparer.Ordinal);
    }
}
