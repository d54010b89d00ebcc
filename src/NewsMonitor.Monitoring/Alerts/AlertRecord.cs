using NewsMonitor.Extraction;

namespace NewsMonitor.Monitoring.Alerts;

public enum AlertDeliveryStatus { Pending, Delivered, Failed, Logged }

/// <summary>What an alert says, as every channel receives it (the webhook body; Slack and Teams get it as text).</summary>
/// <param name="Id">"{ruleId}/{statementId}": the same for every attempt and channel, so receivers can deduplicate.</param>
/// <param name="Link">Where to read the statement: the first outlet's article.</param>
public sealed record AlertMessage(
    string Id,
    AlertRuleInfo Rule,
    AlertStatement Statement,
    IReadOnlyList<AlertSource> Sources,
    string Link,
    DateTimeOffset CreatedAt);

public sealed record AlertRuleInfo(string Id, string Description);

public sealed record AlertStatement(string Id, StatementKind Kind, string Text, string? Cue, double Confidence, Speaker? Speaker);

/// <summary>An outlet that reported the statement.</summary>
public sealed record AlertSource(string Url, string? Title, string? SiteName, string? Host, DateTimeOffset? PublishedAt);

/// <summary>How one channel's delivery went.</summary>
public sealed record ChannelDelivery(string Channel, AlertChannelType Type, AlertDeliveryStatus Status, int Attempts = 0, string? Error = null, DateTimeOffset? At = null);

/// <summary>
/// One alert, stored before delivery (its name is the (rule, statement) pair, so each pair alerts once)
/// and updated with each channel's outcome.
/// </summary>
/// <param name="UpdatedAt">Last change; a record left Pending long after it (a crash mid-delivery) is taken over and delivered.</param>
public sealed record AlertRecord(AlertMessage Message, IReadOnlyList<ChannelDelivery> Deliveries, DateTimeOffset UpdatedAt)
{
    public bool IsFailed => Deliveries.Any(d => d.Status == AlertDeliveryStatus.Failed);
}
