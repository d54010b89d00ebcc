using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsMonitor.Monitoring.Index;
using NewsMonitor.Monitoring.Sources;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Processing;

/// <summary>Totals of one monitoring cycle.</summary>
public sealed record CycleSummary(int Sources, int SourcesFailed, int ArticlesNew, int ArticlesSkipped, int ArticlesFailed, int ArticlesSeen, int Statements, int Alerts)
{
    /// <summary>Articles whose host asked us to wait; they are due again next cycle.</summary>
    public int ArticlesDeferred { get; init; }

    /// <summary>Stored articles fetched again because their source dated a change, whose text had changed.</summary>
    public int ArticlesUpdated { get; init; }

    public override string ToString() =>
        $"sources: {Sources} ({SourcesFailed} failed); articles: {ArticlesNew} new, " + (ArticlesUpdated > 0 ? $"{ArticlesUpdated} updated, " : "") +
        $"{ArticlesSeen + ArticlesSkipped} skipped, {ArticlesFailed} failed" +
        (ArticlesDeferred > 0 ? $", {ArticlesDeferred} deferred" : "") + $"; statements: {Statements}; alerts: {Alerts}";
}

/// <summary>Progress of a cycle, for a person watching it.</summary>
public abstract record CycleEvent
{
    public sealed record SourcePolled(SourcePollResult Result) : CycleEvent;
    public sealed record ArticleDone(ArticleOutcome Outcome, int Done, int Total) : CycleEvent;
}

/// <summary>
/// One monitoring cycle in process (the CLI): poll every source, process the new articles a few at a
/// time. The Functions app runs the same steps spread over queues (<see cref="MonitoringQueues"/>).
/// A failing source or article is recorded and the cycle goes on.
/// </summary>
public sealed partial class MonitoringCycle(SourcePoller poller, ArticleProcessor processor, SourceCatalog catalog, StatementIndex index, ArticleStore store, IOptions<NewsMonitorOptions> options, ILogger<MonitoringCycle> logger)
{
    /// <summary>One cycle over the configured sources (settings, sources file, config/sources.json).</summary>
    public async Task<CycleSummary> RunAsync(IProgress<CycleEvent>? progress = null, CancellationToken cancellationToken = default) =>
        await RunAsync(await catalog.GetAsync(cancellationToken).ConfigureAwait(false), progress, cancellationToken).ConfigureAwait(false);

    public Task<CycleSummary> RunAsync(IReadOnlyList<Uri> sources, IProgress<CycleEvent>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(sources.Select(s => new SourceDefinition(s)).ToList(), progress, cancellationToken);

    public async Task<CycleSummary> RunAsync(IReadOnlyList<SourceDefinition> sources, IProgress<CycleEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var work = new List<(Uri Article, Uri Source, DateTimeOffset? UpdatedAt)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var sourcesFailed = 0;
        foreach (var source in sources)
        {
            SourcePollResult result;
            try
            {
                result = await poller.PollAsync(source, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage trouble while polling: report it and go on with the other sources.
                result = new SourcePollResult(source.Url, null, 0, [], e.Message);
            }
            progress?.Report(new CycleEvent.SourcePolled(result));
            if (result.Error is not null && result.RetryAt is null) sourcesFailed++;
            foreach (var article in result.NewArticles)
                if (seen.Add(UrlKeys.KeyOf(article))) work.Add((article, source.Url, null));
            foreach (var article in result.UpdatedArticles)
                if (seen.Add(UrlKeys.KeyOf(article.Url))) work.Add((article.Url, source.Url, article.UpdatedAt));
        }

        var outcomes = new List<ArticleOutcome>(work.Count);
        var done = 0;
        await Parallel.ForEachAsync(work, new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Value.MaxParallelArticles,
            CancellationToken = cancellationToken,
        }, async (item, token) =>
        {
            ArticleOutcome outcome;
            try
            {
                outcome = await processor.ProcessAsync(item.Article, item.Source, item.UpdatedAt, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not marked seen, so the next cycle tries again; the reason goes where the other failures go.
                LogArticleFailed(e, item.Article);
                outcome = new ArticleOutcome(item.Article, ArticleStatus.Failed, Reason: e.Message);
                try
                {
                    await store.RecordFailureAsync(item.Article, "process", e.Message, item.Source, token).ConfigureAwait(false);
                }
                catch (Exception recordError) when (recordError is not OperationCanceledException)
                {
                    LogFailureNotRecorded(recordError, item.Article);
                }
            }
            lock (outcomes)
            {
                outcomes.Add(outcome);
                done++;
                progress?.Report(new CycleEvent.ArticleDone(outcome, done, work.Count));
            }
        }).ConfigureAwait(false);

        try
        {
            // The Functions app does this on its own timer; locally, after each cycle.
            await index.CompactAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCompactionFailed(e);
        }

        return new CycleSummary(
            sources.Count,
            sourcesFailed,
            outcomes.Count(o => o.Status == ArticleStatus.New),
            outcomes.Count(o => o.Status == ArticleStatus.Skipped),
            outcomes.Count(o => o.Status == ArticleStatus.Failed),
            outcomes.Count(o => o.Status == ArticleStatus.AlreadySeen),
            outcomes.Sum(o => o.Statements),
            outcomes.Sum(o => o.Alerts))
        {
            ArticlesDeferred = outcomes.Count(o => o.Status == ArticleStatus.Deferred),
            ArticlesUpdated = outcomes.Count(o => o.Status == ArticleStatus.Updated),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing {Url} failed; it is tried again next cycle")]
    private partial void LogArticleFailed(Exception exception, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failure of {Url} could not be recorded (storage unavailable?); it is tried again next cycle all the same")]
    private partial void LogFailureNotRecorded(Exception exception, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Compacting the statement index failed; queries read the summaries one by one until the next cycle")]
    private partial void LogCompactionFailed(Exception exception);
}
