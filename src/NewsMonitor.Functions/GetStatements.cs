using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Monitoring.Query;

namespace NewsMonitor.Functions;

/// <summary><c>GET /api/statements?speaker=&amp;q=&amp;…</c>: stored statements, newest first (filters: see <see cref="QueryApi"/>).</summary>
public sealed class GetStatements(QueryApi api)
{
    [Function(nameof(GetStatements))]
    public Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "statements")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.GetStatementsAsync(request.Query, cancellationToken);
}
