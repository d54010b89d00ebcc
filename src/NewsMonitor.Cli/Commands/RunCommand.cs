using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Processing;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// <c>newsmon run --source URL...</c>: one monitoring cycle. Progress goes to stderr, the summary to stdout.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var sources = new Option<string[]>("--source") { Description = "A feed (RSS/Atom) or URL-list source; repeat for several", AllowMultipleArgumentsPerToken = true };
        var speakers = new Option<string[]>("--watch-speaker") { Description = "Alert on statements by this speaker; repeatable" };
        var keywords = new Option<string[]>("--watch-keyword") { Description = "Alert on statements containing this word; repeatable" };
        var webhook = new Option<string?>("--alert-webhook") { Description = "POST each alert as JSON to this URL" };
        var allowPrivate = new Option<bool>("--allow-private-network") { Description = "Allow sources and articles on loopback or private addresses" };
        var store = new StoreOptions();
        var command = new Command("run", "Run one monitoring cycle: poll sources, fetch new articles, extract, store, alert")
        {
            sources, speakers, keywords, webhook, allowPrivate,
        };
        store.AddTo(command);
        command.SetAction(async (parse, token) =>
        {
            var sourceList = parse.GetValue(sources) ?? [];
            foreach (var source in sourceList)
                if (!UrlKeys.TryParseHttpUrl(source, out _)) throw new UsageException($"--source '{source}' is not an http(s) URL");
            if (parse.GetValue(webhook) is { } hookValue && !UrlKeys.TryParseHttpUrl(hookValue, out _))
                throw new UsageException($"--alert-webhook '{hookValue}' is not an http(s) URL");
            var settings = new Dictionary<string, string?>();
            store.Apply(parse, settings);
            if (sourceList.Length > 0) settings[NewsMonitorSettings.Sources] = string.Join('\n', sourceList);
            if (parse.GetValue(speakers) is { Length: > 0 } s) settings[NewsMonitorSettings.WatchSpeakers] = string.Join('\n', s);
            if (parse.GetValue(keywords) is { Length: > 0 } k) settings[NewsMonitorSettings.WatchKeywords] = string.Join('\n', k);
            if (parse.GetValue(webhook) is { } hook) settings[NewsMonitorSettings.AlertWebhook] = hook;
            if (parse.GetValue(allowPrivate)) settings[NewsMonitorSettings.AllowPrivateNetwork] = "true";
            return await RunCycleAsync(settings, output, error, token).ConfigureAwait(false);
        });
        return command;
    }

    internal static async Task<int> RunCycleAsync(Dictionary<string, string?> settings, TextWriter output, TextWriter error, CancellationToken token)
    {
        using var host = CliHost.Build(settings, error);
        var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NewsMonitorOptions>>().Value; // validates settings
        if (options.Sources.Count == 0)
            throw new UsageException($"no sources: pass --source URL (or set {NewsMonitorSettings.Sources})");
        var cycle = host.Services.GetRequiredService<MonitoringCycle>();
        var summary = await cycle.RunAsync(options.Sources.Select(s => new Uri(s)).ToList(), new Progress(error), token).ConfigureAwait(false);
        await output.WriteLineAsync(summary.ToString()).ConfigureAwait(false);
        return summary.Sources > 0 && summary.SourcesFailed == summary.Sources ? NewsMonCli.Failure : NewsMonCli.Success;
    }

    /// <summary>Writes cycle progress to stderr as it happens (IProgress&lt;T&gt; without a synchronization context).</summary>
    private sealed class Progress(TextWriter error) : IProgress<CycleEvent>
    {
        public void Report(CycleEvent value)
        {
            var line = value switch
            {
                CycleEvent.SourcePolled { Result: var r } when r.Error is not null => $"source {r.Source}: failed: {r.Error}",
                CycleEvent.SourcePolled { Result: var r } => $"source {r.Source}: {r.Format?.ToString().ToLowerInvariant() ?? "unchanged"}, {r.Listed} listed, {r.NewArticles.Count} new",
                CycleEvent.ArticleDone { Outcome: var o, Done: var done, Total: var total } => $"[{done}/{total}] {Describe(o)}",
                _ => null,
            };
            if (line is null) return;
            lock (error) error.WriteLine(line);
        }

        private static string Describe(ArticleOutcome outcome) => outcome.Status switch
        {
            ArticleStatus.New => $"new     {outcome.Url} — {outcome.Statements} statements, {outcome.Alerts} alerts",
            ArticleStatus.AlreadySeen => $"seen    {outcome.Url}",
            ArticleStatus.Skipped => $"skipped {outcome.Url}: {outcome.Reason}",
            _ => $"failed  {outcome.Url}: {outcome.Reason}",
        };
    }
}
