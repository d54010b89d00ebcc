using NewsMonitor.Monitoring.Sources;

namespace NewsMonitor.Monitoring.Processing;

/// <summary>
/// The monitoring cycle spread over queues, for the Functions app: the timer enqueues one message per
/// source, each source poll enqueues one message per new article, each article is processed alone.
/// Each step is idempotent, because queues deliver at least once.
/// </summary>
public sealed class MonitoringQueues(QueueSender queue, SourcePoller poller, ArticleProcessor processor, SourceCatalog catalog, TimeProvider time)
{
    /// <summary>Enqueues a poll of every configured source; returns how many.</summary>
    public async Task<int> EnqueueSourcePollsAsync(CancellationToken cancellationToken = default)
    {
        var sources = await catalog.GetAsync(cancellationToken).ConfigureAwait(false);
        foreach (var source in sources)
            await queue.EnqueueAsync(QueueNames.PollSource, new SourcePollMessage(source.Url.AbsoluteUri), cancellationToken: cancellationToken).ConfigureAwait(false);
        return sources.Count;
    }

    /// <summary>Polls one source and enqueues its new articles and its stored articles dated as changed.</summary>
    public async Task<SourcePollResult> PollSourceAsync(string messageBody, CancellationToken cancellationToken = default)
    {
        var message = QueueMessages.Parse<SourcePollMessage>(messageBody);
        var source = QueueMessages.RequireUrl(message.SourceUrl, "sourceUrl");
        var definition = await catalog.FindAsync(source, cancellationToken).ConfigureAwait(false);
        var result = await poller.PollAsync(definition, cancellationToken).ConfigureAwait(false);
        if (result.RetryAt is { } retryAt)
            await queue.EnqueueAsync(QueueNames.PollSource, message, DelayUntil(retryAt), cancellationToken).ConfigureAwait(false);
        foreach (var article in result.NewArticles)
            await queue.EnqueueAsync(QueueNames.ProcessArticle, new ArticleMessage(article.AbsoluteUri, source.AbsoluteUri), cancellationToken: cancellationToken).ConfigureAwait(false);
        foreach (var article in result.UpdatedArticles)
            await queue.EnqueueAsync(QueueNames.ProcessArticle, new ArticleMessage(article.Url.AbsoluteUri, source.AbsoluteUri, article.UpdatedAt), cancellationToken: cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Processes one article. When the host asks us to wait, the message goes back on the queue with
    /// that visibility delay: no function sleeps, and no other host waits behind this one.
    /// </summary>
    public async Task<ArticleOutcome> ProcessArticleAsync(string messageBody, CancellationToken cancellationToken = default)
    {
        var message = QueueMessages.Parse<ArticleMessage>(messageBody);
        var url = QueueMessages.RequireUrl(message.Url, "url");
        Uri? source = message.SourceUrl is null ? null : QueueMessages.RequireUrl(message.SourceUrl, "sourceUrl");
        var outcome = await processor.ProcessAsync(url, source, message.UpdatedAt, cancellationToken).ConfigureAwait(false);
        if (outcome.Status == ArticleStatus.Deferred)
            await queue.EnqueueAsync(QueueNames.ProcessArticle, message, DelayUntil(outcome.RetryAt), cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>A queue visibility delay: at least a second, at most the queue's limit of 7 days.</summary>
    private TimeSpan DelayUntil(DateTimeOffset? retryAt)
    {
        var delay = (retryAt ?? time.GetUtcNow()) - time.GetUtcNow();
        return delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay > TimeSpan.FromDays(7) ? TimeSpan.FromDays(7) : delay;
    }
}
