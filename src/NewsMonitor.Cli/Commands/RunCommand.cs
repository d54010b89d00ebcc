using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Alerts;
using NewsMonitor.Monitoring.Processing;
using NewsMonitor.Monitoring.Sources;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>newsmon run --source URL...</c>: one monitoring cycle. Progress goes to stderr, the summary to stdout.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new CycleOptions();
        var command = new Command("run", "Run one monitoring cycle: poll sources, fetch new articles, extract, store, alert");
        options.AddTo(command);
        command.SetAction((parse, token) => RunCycleAsync(options.Settings(parse), output, error, token));
        return command;
    }

    internal static async Task<int> RunCycleAsync(Dictionary<string, string?> settings, TextWriter output, TextWriter error, CancellationToken token)
    {
        using var host = CliHost.Build(settings, error);
        return await RunCycleAsync(host, output, error, token).ConfigureAwait(false);
    }

    /// <summary>One cycle with an existing host (watch keeps one host, and its per-host politeness, across cycles).</summary>
    internal static async Task<int> RunCycleAsync(Microsoft.Extensions.Hosting.IHost host, TextWriter output, TextWriter error, CancellationToken token)
    {
        _ = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NewsMonitorOptions>>().Value; // validates settings
        var sources = await host.Services.GetRequiredService<SourceCatalog>().GetAsync(token).ConfigureAwait(false);
        if (sources.Count == 0)
            throw new UsageException($"no sources: pass --source URL or --sources FILE (or set {NewsMonitorSettings.Sources})");
        // A broken rules file is reported before anything is fetched, not after every article.
        await host.Services.GetRequiredService<AlertRuleCatalog>().GetAsync(token).ConfigureAwait(false);
        var cycle = host.Services.GetRequiredService<MonitoringCycle>();
        var summary = await cycle.RunAsync(sources, new Progress(error), token).ConfigureAwait(false);
        await output.WriteLineAsync(summary.ToString()).ConfigureAwait(false);
        return summary.Sources > 0 && summary.SourcesFailed == summary.Sources ? NewsMonCli.Failure : NewsMonCli.Success;
    }

    /// <summary>Writes cycle progress to stderr as it happens (IProgress&lt;T&gt; without a synchronization context).</summary>
    internal sealed class Progress(TextWriter error) : IProgress<CycleEvent>
    {
        public void Report(CycleEvent value)
        {
            var line = value switch
            {
                CycleEvent.SourcePolled { Result: var r } when r.RetryAt is not null => $"source {r.Source}: deferred: {r.Error}",
                CycleEvent.SourcePolled { Result: var r } when r.Error is not null => $"source {r.Source}: failed: {r.Error}",
                CycleEvent.SourcePolled { Result: var r } when r.NotDueUntil is not null => $"source {r.Source}: not due until {r.NotDueUntil:u}",
                CycleEvent.SourcePolled { Result: { NotModified: true } r } => $"source {r.Source}: not modified",
                CycleEvent.SourcePolled { Result: var r } => $"source {r.Source}: {r.Format?.ToString().ToLowerInvariant() ?? "unchanged"}, {r.Listed} listed, {r.NewArticles.Count} new" + (r.UpdatedArticles.Count > 0 ? $", {r.UpdatedArticles.Count} updated" : ""),
                CycleEvent.ArticleDone { Outcome: var o, Done: var done, Total: var total } => $"[{done}/{total}] {Describe(o)}",
                _ => null,
            };
            if (line is null) return;
            lock (error) error.WriteLine(line);
        }

        private static string Describe(ArticleOutcome outcome) => outcome.Status switch
        {
            ArticleStatus.New => $"new     {outcome.Url} — {outcome.Statements} statements, {outcome.Alerts} alerts",
            ArticleStatus.Updated => $"updated {outcome.Url} — version {outcome.Version}, {outcome.Statements} statements, {outcome.Alerts} new alerts",
            ArticleStatus.AlreadySeen => outcome.Reason is null ? $"seen    {outcome.Url}" : $"seen    {outcome.Url}: {outcome.Reason}",
            ArticleStatus.Skipped => $"skipped {outcome.Url}: {outcome.Reason}",
            ArticleStatus.Deferred => $"later   {outcome.Url}: {outcome.Reason}",
            _ => $"failed  {outcome.Url}: {outcome.Reason}",
        };
    }
}
