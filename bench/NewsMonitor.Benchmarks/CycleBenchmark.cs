using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Monitoring;
using NewsMonitor.Monitoring.Processing;
using NewsMonitor.Monitoring.Storage;
using NewsMonitor.Testing;

namespace NewsMonitor.Benchmarks;

/// <summary>
/// A monitoring cycle over a local site of N articles with politeness lifted (one host, no interval,
/// many requests at once): articles per second end to end, peak memory, storage operations per
/// article — on the local folder store and on Azurite.
/// </summary>
internal static class CycleBenchmark
{
    private static readonly string[] SeedPages = ["observer-wordpress.html", "ledger-newsroom.html", "newswire-legacy.html"];

    public static async Task<int> RunAsync(string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var count = int.TryParse(Option("--articles"), CultureInfo.InvariantCulture, out var n) ? n : 2000;
        var stores = Option("--store") is { } only ? [only] : (string[])["folder", "azurite"];

        await using var site = new NewsSite();
        await site.InitializeAsync();
        var pages = SeedPages.Select(f => File.ReadAllBytes(RepositoryPaths.SeedSite(f))).ToArray();
        var urls = new List<Uri>(count);
        for (var i = 0; i < count; i++)
            urls.Add(site.Serve($"/news/2022/11/07/story-{i:D5}", pages[i % pages.Length], "text/html; charset=utf-8"));
        var list = site.Serve("/all.txt", string.Join('\n', urls.Select(u => u.AbsoluteUri)), "text/plain");
        Console.WriteLine($"site: {count} articles at {site.BaseUrl} (seed templates, {pages.Average(p => p.Length) / 1024:0} KB each); {Environment.ProcessorCount} cores");

        foreach (var store in stores)
        {
            AzuriteServer? azurite = null;
            var folder = Directory.CreateTempSubdirectory("newsmonitor-bench-").FullName;
            try
            {
                var settings = new Dictionary<string, string?>
                {
                    [NewsMonitorSettings.AllowPrivateNetwork] = "true",
                    ["NewsMonitor:Fetch:MinIntervalPerHost"] = "00:00:00",
                    ["NewsMonitor:Fetch:MaxConcurrentPerHost"] = "64",
                    ["NewsMonitor:MaxParallelArticles"] = (Environment.ProcessorCount * 8).ToString(CultureInfo.InvariantCulture),
                    ["NewsMonitor:MaxArticlesPerSource"] = count.ToString(CultureInfo.InvariantCulture),
                    [NewsMonitorSettings.WatchSpeakers] = "Sun Weimin",
                };
                if (store == "azurite")
                {
                    azurite = new AzuriteServer();
                    await azurite.InitializeAsync();
                    settings[NewsMonitorSettings.Storage] = azurite.ConnectionString;
                }
                else
                {
                    settings[NewsMonitorSettings.StoreDirectory] = folder;
                }
                var counter = new CountingBlobStore();
                using var host = Build(settings, counter);
                GC.Collect();
                var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
                var watch = Stopwatch.StartNew();
                var summary = await host.Services.GetRequiredService<MonitoringCycle>().RunAsync([list]);
                watch.Stop();
                var peak = Process.GetCurrentProcess().PeakWorkingSet64;
                Console.WriteLine($"{store,-8} {summary.ArticlesNew} new in {watch.Elapsed.TotalSeconds:0.0} s = {summary.ArticlesNew / watch.Elapsed.TotalSeconds:0.0} articles/s; " +
                                  $"peak working set {peak / (1024 * 1024)} MB (before: {peakBefore / (1024 * 1024)} MB); " +
                                  $"storage operations per article: {counter.Describe(summary.ArticlesNew)}; failed {summary.ArticlesFailed}");
            }
            finally
            {
                if (azurite is not null) await azurite.DisposeAsync();
                Directory.Delete(folder, recursive: true);
            }
        }
        return 0;
    }

    private static IHost Build(Dictionary<string, string?> settings, CountingBlobStore counter)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddNewsMonitorExtraction();
        builder.AddNewsMonitorMonitoring();
        // Count every storage operation on the way to the real store.
        var real = builder.Services.Single(d => d.ServiceType == typeof(IBlobStore));
        builder.Services.Replace(ServiceDescriptor.Singleton<IBlobStore>(sp => counter.Wrap((IBlobStore)real.ImplementationFactory!(sp))));
        return builder.Build();
    }
}
