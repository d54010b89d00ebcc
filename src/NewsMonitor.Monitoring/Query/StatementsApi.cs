using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace NewsMonitor.Monitoring.Query;

/// <summary>
/// The HTTP API over stored statements: <c>GET /api/statements?speaker=&amp;q=&amp;since=&amp;limit=</c>.
/// One implementation, hosted by the Functions app (and by <c>newsmon serve</c>).
/// </summary>
public sealed class StatementsApi(StatementSearch search)
{
    public async Task<IActionResult> GetStatementsAsync(IQueryCollection query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!StatementQuery.TryParse(query["speaker"], query["q"], query["since"], query["limit"], out var parsed, out var errors))
        {
            return new BadRequestObjectResult(new ValidationProblemDetails(errors)
            {
                Title = "Invalid query parameters",
                Status = StatusCodes.Status400BadRequest,
                Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")),
            }) { ContentTypes = { "application/problem+json" } };
        }
        var hits = await search.SearchAsync(parsed, cancellationToken).ConfigureAwait(false);
        return new ContentResult
        {
            Content = System.Text.Json.JsonSerializer.Serialize(new { count = hits.Count, statements = hits }, NewsMonitorJson.Options),
            ContentType = "application/json; charset=utf-8",
            StatusCode = StatusCodes.Status200OK,
        };
    }
}
