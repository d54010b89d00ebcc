using Microsoft.Extensions.Options;

namespace NewsMonitor.Monitoring.Processing;

/// <summary>
/// The monitoring cycle spread over queues, for the Functions app: the timer enqueues one message per
/// source, each source poll enqueues one message per new article, each article is processed alone.
/// Each step is idempotent, because queues deliver at least once.
/// </summary>
public sealed class MonitoringQueues(QueueSender queue, SourcePoller poller, ArticleProcessor processor, IOptions<NewsMonitorOptions> options)
{
    /// <summary>Enqueues a poll of every configured source; returns how many.</summary>
    public async Task<int> EnqueueSourcePollsAsync(CancellationToken cancellationToken = default)
    {
        var sources = options.Value.Sources;
        foreach (var source in sources)
            await queue.EnqueueAsync(QueueNames.PollSource, new SourcePollMessage(source), cancellationToken: cancellationToken).ConfigureAwait(false);
        return sources.Count;
    }

    /// <summary>Polls one source and enqueues its new articles.</summary>
    public async Task<SourcePollResult> PollSourceAsync(string messageBody, CancellationToken cancellationToken = default)
    {
        var message = QueueMessages.Parse<SourcePollMessage>(messageBody);
        var source = QueueMessages.RequireUrl(message.SourceUrl, "sourceUrl");
        var result = await poller.PollAsync(source, cancellationToken).ConfigureAwait(false);
        foreach (var article in result.NewArticles)
            await queue.EnqueueAsync(QueueNames.ProcessArticle, new ArticleMessage(article.AbsoluteUri, source.AbsoluteUri), cancellationToken: cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Processes one article.</summary>
    public Task<ArticleOutcome> ProcessArticleAsync(string messageBody, CancellationToken cancellationToken = default)
    {
        var message = QueueMessages.Parse<ArticleMessage>(messageBody);
        var url = QueueMessages.RequireUrl(message.Url, "url");
        Uri? source = message.SourceUrl is null ? null : QueueMessages.RequireUrl(message.SourceUrl, "sourceUrl");
        return processor.ProcessAsync(url, source, cancellationToken);
    }
}
