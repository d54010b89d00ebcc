using Microsoft.Azure.Functions.Worker;
using NewsMonitor.Monitoring.Index;

namespace NewsMonitor.Functions;

/// <summary>
/// Every 15 minutes, folds the statement summaries of the last minutes into their day's digest, so a
/// query reads one blob per day rather than one per statement.
/// </summary>
public sealed class CompactStatementIndex(StatementIndex index)
{
    public const string Schedule = "0 7,22,37,52 * * * *";

    [Function(nameof(CompactStatementIndex))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        index.CompactAsync(cancellationToken);
}
