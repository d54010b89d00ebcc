using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Monitoring.Processing;

namespace NewsMonitor.Functions;

/// <summary>Fetches, extracts and stores one article, and sends its alerts.</summary>
public sealed class ProcessArticle(MonitoringQueues queues)
{
    [Function(nameof(ProcessArticle))]
    public Task Run([QueueTrigger(QueueNames.ProcessArticle)] string message, CancellationToken cancellationToken) =>
        queues.ProcessArticleAsync(message, cancellationToken);
}
