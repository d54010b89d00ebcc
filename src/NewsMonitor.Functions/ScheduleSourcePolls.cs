using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Processing;

namespace NewsMonitor.Functions;

/// <summary>On the schedule in <c>NEWSMONITOR_SCHEDULE</c> (UTC), enqueues one poll per configured source.</summary>
public sealed class ScheduleSourcePolls(MonitoringQueues queues)
{
    public const string Schedule = "%" + NewsMonitorSettings.Schedule + "%";

    [Function(nameof(ScheduleSourcePolls))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        queues.EnqueueSourcePollsAsync(cancellationToken);
}
