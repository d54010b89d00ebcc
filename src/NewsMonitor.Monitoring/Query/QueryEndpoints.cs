using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace NewsMonitor.Monitoring.Query;

/// <summary>
/// The read API on an ASP.NET Core host (<c>newsmon serve</c>): the routes the Functions app has under
/// <c>/api/</c>, answered by the same <see cref="QueryApi"/> methods.
/// </summary>
public static class QueryEndpoints
{
    /// <summary>What the endpoints need besides NewsMonitor's services: the executors of the MVC results <see cref="QueryApi"/> returns.</summary>
    public static IServiceCollection AddNewsMonitorApi(this IServiceCollection services) => services.AddMvcCore().Services;

    public static IEndpointRouteBuilder MapNewsMonitorApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup("/api");
        api.MapGet("/statements", (HttpContext context, QueryApi query) => Execute(context, query.GetStatementsAsync(context.Request.Query, context.RequestAborted)));
        api.MapGet("/statements/{id}", (HttpContext context, string id, QueryApi query) => Execute(context, query.GetStatementAsync(id, context.RequestAborted)));
        api.MapGet("/articles/{id}", (HttpContext context, string id, QueryApi query) => Execute(context, query.GetArticleAsync(id, context.RequestAborted)));
        api.MapGet("/speakers", (HttpContext context, QueryApi query) => Execute(context, query.GetSpeakersAsync(context.Request.Query, context.RequestAborted)));
        return endpoints;
    }

    private static async Task Execute(HttpContext context, Task<IActionResult> result) =>
        await (await result.ConfigureAwait(false)).ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
}
