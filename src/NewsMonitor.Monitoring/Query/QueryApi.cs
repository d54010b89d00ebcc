using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring.Index;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Query;

/// <summary>
/// The read API, one implementation hosted by the Functions app and by <c>newsmon serve</c>:
/// <code>
/// GET /api/statements?speaker=&amp;organization=&amp;q=&amp;since=&amp;until=&amp;host=&amp;kind=&amp;minConfidence=&amp;limit=&amp;continuation=
/// GET /api/statements/{id}     one statement, its sources and the paragraph around it in each
/// GET /api/articles/{id}       one stored article (latest version)
/// GET /api/speakers?q=&amp;limit=   speakers with statement counts, most quoted first
/// </code>
/// Bad parameters get 400 with a problem details body naming them; unknown ids get 404.
/// </summary>
public sealed class QueryApi(StatementSearch search, StatementIndex index, SpeakerDirectory speakers, ArticleStore articles)
{
    /// <summary>At most this many sources get their paragraph read for <c>GET /api/statements/{id}</c>.</summary>
    private const int MaxContexts = 20;

    public async Task<IActionResult> GetStatementsAsync(IQueryCollection query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!StatementQuery.TryParse(name => query[name].ToString(), out var parsed, out var errors)) return Problem(errors);
        var page = await search.SearchAsync(parsed, cancellationToken).ConfigureAwait(false);
        return Json(new { count = page.Statements.Count, statements = page.Statements, continuation = page.Continuation });
    }

    public async Task<IActionResult> GetStatementAsync(string id, CancellationToken cancellationToken = default)
    {
        if (await index.GetStatementAsync(id, cancellationToken).ConfigureAwait(false) is not { Sources.Count: > 0 } entry)
            return NotFound($"No statement with id '{Shorten(id)}'.");
        var contexts = new List<StatementContext>();
        foreach (var source in entry.Sources.Take(MaxContexts))
        {
            var article = await articles.GetArticleAsync(source.ArticleKey, cancellationToken).ConfigureAwait(false);
            contexts.Add(new StatementContext(source.ArticleKey, source.Url, source.Title, source.SiteName, source.PublishedAt,
                article is null ? null : ParagraphAround(article.Article.Text, source.Start, source.End, source.Text)));
        }
        var node = JsonSerializer.SerializeToNode(StatementHit.From(entry), NewsMonitorJson.Options)!.AsObject();
        node["contexts"] = JsonSerializer.SerializeToNode(contexts, NewsMonitorJson.Options);
        return Json(node);
    }

    public async Task<IActionResult> GetArticleAsync(string id, CancellationToken cancellationToken = default)
    {
        // Keys are hashes: anything else names no article, and is not looked up.
        if (id is not { Length: 32 } || !id.All(char.IsAsciiHexDigitLower)) return NotFound($"No article with id '{Shorten(id)}'.");
        var article = await articles.GetArticleAsync(id, cancellationToken).ConfigureAwait(false);
        return article is null ? NotFound($"No article with id '{id}'.") : Json(article);
    }

    public async Task<IActionResult> GetSpeakersAsync(IQueryCollection query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var q = query["q"].ToString();
        if (q.Length > 200) errors["q"] = ["At most 200 characters."];
        var limit = StatementQuery.DefaultLimit;
        var limitText = query["limit"].ToString();
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > StatementQuery.MaxLimit))
            errors["limit"] = [$"'{Shorten(limitText)}' is not a number from 1 to {StatementQuery.MaxLimit}."];
        if (errors.Count > 0) return Problem(errors);
        var list = await speakers.ListAsync(q, limit, cancellationToken).ConfigureAwait(false);
        return Json(new { count = list.Count, speakers = list });
    }

    /// <summary>The paragraph of <paramref name="text"/> holding [start, end), when the offsets still point at the statement.</summary>
    internal static string? ParagraphAround(string text, int start, int end, string statement)
    {
        if (start < 0 || end > text.Length || start >= end) return null;
        // An article updated since may have moved the words: look them up before trusting the offsets.
        if (!text.AsSpan(start, end - start).SequenceEqual(statement))
        {
            var found = text.IndexOf(statement, StringComparison.Ordinal);
            if (found < 0) return null;
            (start, end) = (found, found + statement.Length);
        }
        // The paragraphs the statement starts and ends in, as statement extraction split them (a quote may run over several).
        int? from = null, to = null;
        foreach (var paragraph in TextLayout.SplitParagraphs(text))
        {
            var (pStart, pEnd) = (paragraph.Start.GetOffset(text.Length), paragraph.End.GetOffset(text.Length));
            if (from is null && pEnd > start) from = Math.Min(pStart, start);
            if (pStart < end) to = Math.Max(pEnd, end);
            else break;
        }
        return text[(from ?? start)..(to ?? end)];
    }

    private static ContentResult Json(object value) => new()
    {
        Content = JsonSerializer.Serialize(value, NewsMonitorJson.Options),
        ContentType = "application/json; charset=utf-8",
        StatusCode = StatusCodes.Status200OK,
    };

    private static BadRequestObjectResult Problem(Dictionary<string, string[]> errors) =>
        new(new ValidationProblemDetails(errors)
        {
            Title = "Invalid query parameters",
            Status = StatusCodes.Status400BadRequest,
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
        }) { ContentTypes = { "application/problem+json" } };

    private static NotFoundObjectResult NotFound(string detail) =>
        new(new ProblemDetails { Title = "Not found", Status = StatusCodes.Status404NotFound, Detail = detail }) { ContentTypes = { "application/problem+json" } };

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 60 ? value : value[..60] + "…";
}

/// <summary>Where a source reported a statement: the article and the paragraph around the words.</summary>
public sealed record StatementContext(string ArticleKey, string Url, string? Title, string? SiteName, DateTimeOffset? PublishedAt, string? Paragraph);
