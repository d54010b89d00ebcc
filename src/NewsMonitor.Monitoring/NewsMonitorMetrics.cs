using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NewsMonitor.Monitoring;

/// <summary>
/// NewsMonitor's own metrics (meter "NewsMonitor"): what was fetched, what failed, what was found and
/// sent, and how long each stage took. Exported with the rest of the app's telemetry.
/// </summary>
public sealed class NewsMonitorMetrics
{
    public const string MeterName = "NewsMonitor";

    private readonly Counter<long> _articlesFetched;
    private readonly Counter<long> _articlesNotModified;
    private readonly Counter<long> _articlesFailed;
    private readonly Counter<long> _articlesSkipped;
    private readonly Counter<long> _statementsExtracted;
    private readonly Counter<long> _alertsSent;
    private readonly Counter<long> _alertsFailed;
    private readonly Histogram<double> _stageDuration;

    public NewsMonitorMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _articlesFetched = meter.CreateCounter<long>("newsmonitor.articles.fetched", "{article}", "Articles fetched and stored for the first time");
        _articlesNotModified = meter.CreateCounter<long>("newsmonitor.articles.not_modified", "{article}", "Fetches answered 304 Not Modified");
        _articlesFailed = meter.CreateCounter<long>("newsmonitor.articles.failed", "{article}", "Articles that failed to fetch or store (retried next cycle)");
        _articlesSkipped = meter.CreateCounter<long>("newsmonitor.articles.skipped", "{article}", "Pages that are not articles (not HTML, no main content)");
        _statementsExtracted = meter.CreateCounter<long>("newsmonitor.statements.extracted", "{statement}", "Statements extracted from new articles");
        _alertsSent = meter.CreateCounter<long>("newsmonitor.alerts.sent", "{alert}", "Alerts created for new matching statements");
        _alertsFailed = meter.CreateCounter<long>("newsmonitor.alerts.failed", "{alert}", "Alert deliveries that failed");
        _stageDuration = meter.CreateHistogram<double>("newsmonitor.stage.duration", "s", "Duration of a pipeline stage");
    }

    public void ArticleFetched() => _articlesFetched.Add(1);
    public void ArticleNotModified() => _articlesNotModified.Add(1);
    public void ArticleFailed(string stage) => _articlesFailed.Add(1, new KeyValuePair<string, object?>("stage", stage));
    public void ArticleSkipped(string stage) => _articlesSkipped.Add(1, new KeyValuePair<string, object?>("stage", stage));
    public void StatementsExtracted(int count) => _statementsExtracted.Add(count);
    public void AlertSent(string channel) => _alertsSent.Add(1, new KeyValuePair<string, object?>("channel", channel));
    public void AlertFailed(string channel) => _alertsFailed.Add(1, new KeyValuePair<string, object?>("channel", channel));

    /// <summary>Times a stage ("fetch", "extract", "store", "alert", "poll") until the result is disposed.</summary>
    public StageTimer Time(string stage) => new(_stageDuration, stage);

    public readonly struct StageTimer(Histogram<double> histogram, string stage) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();

        public void Dispose() =>
            histogram.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, new KeyValuePair<string, object?>("stage", stage));
    }
}
