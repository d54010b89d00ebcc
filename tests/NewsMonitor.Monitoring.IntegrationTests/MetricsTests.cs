using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NewsMonitor.Monitoring.Processing;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>NewsMonitor's own metrics, read back with a collector while a real cycle runs.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly NewsSite _site = new();
    private readonly TempFolder _folder = new();

    public Task InitializeAsync() => _site.InitializeAsync();

    [Fact]
    public async Task A_cycle_counts_fetched_failed_extracted_and_alerted_and_times_its_stages()
    {
        var good = _site.Serve("/a", File.ReadAllBytes(RepositoryPaths.SeedSite("observer-wordpress.html")), "text/html; charset=utf-8");
        var feed = _site.ServeRss("/feed.xml", good, _site.Url("/missing"));
        var settings = NewsMonitorHost.LoopbackSettings(_folder.Path);
        settings[NewsMonitorSettings.WatchSpeakers] = "Sun Weimin";
        using var host = NewsMonitorHost.Build(settings);
        var meters = host.Get<System.Diagnostics.Metrics.IMeterFactory>();
        using var fetched = new MetricCollector<long>(meters, NewsMonitorMetrics.MeterName, "newsmonitor.articles.fetched");
        using var failed = new MetricCollector<long>(meters, NewsMonitorMetrics.MeterName, "newsmonitor.articles.failed");
        using var statements = new MetricCollector<long>(meters, NewsMonitorMetrics.MeterName, "newsmonitor.statements.extracted");
        using var alerts = new MetricCollector<long>(meters, NewsMonitorMetrics.MeterName, "newsmonitor.alerts.sent");
        using var durations = new MetricCollector<double>(meters, NewsMonitorMetrics.MeterName, "newsmonitor.stage.duration");

        await host.Get<MonitoringCycle>().RunAsync([feed]);

        Assert.Equal(1, fetched.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, failed.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal("fetch", Assert.Single(failed.GetMeasurementSnapshot()).Tags["stage"]);
        Assert.Equal(11, statements.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(2, alerts.GetMeasurementSnapshot().EvaluateAsCounter());
        var stages = durations.GetMeasurementSnapshot().Select(m => (string)m.Tags["stage"]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "poll", "fetch", "extract", "statements", "store", "alert" }, stages);
        Assert.All(durations.GetMeasurementSnapshot(), m => Assert.True(m.Value >= 0));
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _folder.Dispose();
    }
}
