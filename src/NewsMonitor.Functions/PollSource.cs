using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Monitoring.Processing;

namespace NewsMonitor.Functions;

/// <summary>Polls one source and enqueues the articles on it that are new.</summary>
public sealed class PollSource(MonitoringQueues queues)
{
    [Function(nameof(PollSource))]
    public Task Run([QueueTrigger(QueueNames.PollSource)] string message, CancellationToken cancellationToken) =>
        queues.PollSourceAsync(message, cancellationToken);
}
