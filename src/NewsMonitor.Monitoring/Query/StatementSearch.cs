using System.Text.Json;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Query;

/// <summary>Answers statement queries over the store, newest first.</summary>
/// <remarks>Reads every statements blob: fine for thousands of articles; the query issue adds date partitions and a speaker index.</remarks>
public sealed class StatementSearch(ArticleStore store)
{
    public async Task<IReadOnlyList<StatementHit>> SearchAsync(StatementQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var hits = new List<StatementHit>();
        await foreach (var document in store.ReadAllStatementsAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var statement in document.Statements)
            {
                if (!query.Matches(document, statement)) continue;
                hits.Add(new StatementHit(statement.Id, JsonNamingPolicy.CamelCase.ConvertName(statement.Kind.ToString()), statement.Text, statement.Speaker,
                    statement.Cue, statement.Start, statement.End, statement.Confidence, document.ArticleKey, document.CanonicalUrl ?? document.Url,
                    document.Title, document.SiteName, document.PublishedAt, document.FetchedAt));
            }
        }
        return hits
            .OrderByDescending(h => h.PublishedAt ?? h.FetchedAt)
            .ThenBy(h => h.ArticleKey, StringComparer.Ordinal)
            .ThenBy(h => h.Start)
            .Take(query.Limit)
            .ToList();
    }
}
