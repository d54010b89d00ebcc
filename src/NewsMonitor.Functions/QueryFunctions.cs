using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Monitoring.Query;

namespace NewsMonitor.Functions;

/// <summary><c>GET /api/statements/{id}</c>: one statement with its sources and the paragraph around it.</summary>
public sealed class GetStatement(QueryApi api)
{
    [Function(nameof(GetStatement))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "statements/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetStatementAsync(id, cancellationToken);
}

/// <summary><c>GET /api/articles/{id}</c>: one stored article.</summary>
public sealed class GetArticle(QueryApi api)
{
    [Function(nameof(GetArticle))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        api.GetArticleAsync(id, cancellationToken);
}

/// <summary><c>GET /api/speakers?q=</c>: speakers with statement counts.</summary>
public sealed class GetSpeakers(QueryApi api)
{
    [Function(nameof(GetSpeakers))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "speakers")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return api.GetSpeakersAsync(request.Query, cancellationToken);
    }
}
