using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Alerts;

public enum AlertDelivery { Pending, Delivered, Failed, Logged }

/// <summary>One alert: a rule matched a statement. Stored before delivery, so each (rule, statement) alerts once.</summary>
public sealed record AlertRecord(
    string RuleId,
    WatchRuleKind RuleKind,
    string RuleValue,
    StatementRecord Statement,
    AlertArticle Article,
    DateTimeOffset CreatedAt,
    AlertDelivery Delivery,
    string? DeliveryError = null);

/// <summary>Where the alerted statement was published.</summary>
public sealed record AlertArticle(string Key, string Url, string? Title, string? SiteName, DateTimeOffset? PublishedAt);
