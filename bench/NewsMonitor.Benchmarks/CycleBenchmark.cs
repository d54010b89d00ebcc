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
        // The worst case for the statement index: every article repeats the same 11 statements.
        var sameStory = args.Contains("--same-story");

        await using var site = new NewsSite();
        await site.InitializeAsync();
        var pages = SeedPages.Select(f => File.ReadAllBytes(RepositoryPaths.SeedSite(f))).ToArray();
        var paragraphs = SeedParagraphs();
        var urls = new List<Uri>(count);
        for (var i = 0; i < count; i++)
        {
            var page = pages[i % pages.Length];
            if (!sameStory) page = Story(page, paragraphs, i / pages.Length);
            urls.Add(site.Serve($"/news/2022/11/07/story-{i:D5}", page, "text/html; charset=utf-8"));
        }
        var list = site.Serve("/all.txt", string.Join('\n', urls.Select(u => u.AbsoluteUri)), "text/plain");
        var stories = sameStory ? "every one the same story" : $"{(count + pages.Length - 1) / pages.Length} stories, each published by {pages.Length} outlets";
        Console.WriteLine($"site: {count} articles at {site.BaseUrl} ({stories}; seed templates, {pages.Average(p => p.Length) / 1024:0} KB each); {Environment.ProcessorCount} cores");

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
                    ["NewsMonitor:MaxParallelArticles"] = Option("--parallel") ?? (Environment.ProcessorCount * 8).ToString(CultureInfo.InvariantCulture),
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
                if (summary.ArticlesFailed > 0)
                {
                    // Why they failed, and that the next cycle picks them up (a failed article is never marked seen).
                    await foreach (var failure in host.Services.GetRequiredService<ArticleStore>().ReadFailuresAsync())
                        Console.WriteLine($"{store,-8} failed: {failure.Stage}: {failure.Reason}");
                    var again = await host.Services.GetRequiredService<MonitoringCycle>().RunAsync([list]);
                    Console.WriteLine($"{store,-8} next cycle: {again}");
                }
            }
            finally
            {
                if (azurite is not null) await azurite.DisposeAsync();
                Directory.Delete(folder, recursive: true);
            }
        }
        return 0;
    }

    private static string[] SeedParagraphs()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepositoryPaths.SeedSite("white-paper.expected.json")));
        return json.RootElement.GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToArray();
    }

    /// <summary>
    /// The page with story <paramref name="story"/>'s words: the seed paragraphs with the story's number after
    /// each "the" and "concern", so each story's statements are its own, and its three outlets share them.
    /// </summary>
    private static byte[] Story(byte[] page, string[] paragraphs, int story)
    {
        // The legacy template is windows-1252; the others UTF-8. Re-encode in the page's own charset.
        var utf8 = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true);
        System.Text.Encoding encoding;
        string html;
        try { html = utf8.GetString(page); encoding = utf8; }
        catch (System.Text.DecoderFallbackException) { encoding = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(1252)!; html = encoding.GetString(page); }
        var tag = story.ToString(CultureInfo.InvariantCulture);
        foreach (var paragraph in paragraphs)
            html = html.Replace(paragraph, paragraph.Replace(" the ", $" the {tag} ", StringComparison.Ordinal).Replace("concern", $"concern {tag}", StringComparison.Ordinal), StringComparison.Ordinal);
        return encoding.GetBytes(html);
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
