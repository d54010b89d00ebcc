using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Monitoring;

namespace NewsMonitor.Testing;

/// <summary>NewsMonitor's real service graph, built the way the apps build it, with test settings.</summary>
public static class NewsMonitorHost
{
    /// <summary>Settings for fast tests against loopback servers: private network allowed, no politeness delays, quick retries.</summary>
    public static Dictionary<string, string?> LoopbackSettings(string? storeDirectory = null, string? connection = null) => new()
    {
        [NewsMonitorSettings.StoreDirectory] = storeDirectory ?? "",
        [NewsMonitorSettings.Storage] = connection ?? "",
        [NewsMonitorSettings.AllowPrivateNetwork] = "true",
        ["NewsMonitor:Fetch:MinIntervalPerHost"] = "00:00:00",
        ["NewsMonitor:Fetch:RetryDelay"] = "00:00:00.050",
        ["NewsMonitor:Fetch:AttemptTimeout"] = "00:00:05",
        ["NewsMonitor:Alerts:RetryDelay"] = "00:00:00.010",
    };

    public static IHost Build(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNewsMonitorExtraction();
        builder.AddNewsMonitorMonitoring();
        return builder.Build();
    }

    /// <summary>As the Functions app builds it: pacing shared through the store.</summary>
    public static IHost BuildScaledOut(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNewsMonitorExtraction();
        builder.AddNewsMonitorMonitoring();
        builder.AddNewsMonitorScaleOut();
        return builder.Build();
    }

    public static T Get<T>(this IHost host) where T : notnull => host.Services.GetRequiredService<T>();
}
