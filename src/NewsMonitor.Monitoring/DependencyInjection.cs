using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsMonitor.Extraction;
using NewsMonitor.Monitoring.Alerts;
using NewsMonitor.Monitoring.Fetching;
using NewsMonitor.Monitoring.Index;
using NewsMonitor.Monitoring.Processing;
using NewsMonitor.Monitoring.Query;
using NewsMonitor.Monitoring.Sources;
using NewsMonitor.Monitoring.Storage;
using Polly;

namespace NewsMonitor.Monitoring;

/// <summary>Registers NewsMonitor's services. The Functions app and the CLI call these same methods.</summary>
public static class DependencyInjection
{
    /// <summary>The pure extraction stage: HTML to article, article to statements.</summary>
    public static IHostApplicationBuilder AddNewsMonitorExtraction(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(new ArticleExtractor());
        builder.Services.TryAddSingleton(new StatementExtractor());
        return builder;
    }

    /// <summary>Sources, fetching, storage, alerts and query, configured from <see cref="NewsMonitorSettings"/>.</summary>
    public static IHostApplicationBuilder AddNewsMonitorMonitoring(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<NewsMonitorOptions>()
            .Configure<IConfiguration>((options, configuration) => NewsMonitorOptions.Bind(options, configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NewsMonitorOptions>, NewsMonitorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<NewsMonitorMetrics>();

        services.AddSingleton<IBlobStore>(sp => CreateBlobStore(sp.GetRequiredService<IOptions<NewsMonitorOptions>>().Value, sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ArticleStore>();
        services.AddSingleton(sp => new QueueSender(StorageClients.CreateQueueServiceClient(sp.GetRequiredService<IConfiguration>())));

        services.AddSingleton(sp => new HostGate(sp.GetRequiredService<IOptions<NewsMonitorOptions>>().Value.Fetch, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RobotsPolicy>(sp, sp.GetRequiredService<IOptions<NewsMonitorOptions>>().Value.Fetch));
        services.AddHttpClient(PageFetcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp =>
            {
                var fetch = sp.GetRequiredService<IOptions<NewsMonitorOptions>>().Value.Fetch;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false, // followed by hand, so every hop is checked
                    AutomaticDecompression = DecompressionMethods.All,
                    ConnectTimeout = fetch.ConnectTimeout,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    UseCookies = false,
                    ConnectCallback = (context, token) => PageFetcher.ConnectAsync(context, fetch.AllowPrivateNetwork, token),
                };
            })
            .AddResilienceHandler("fetch", (pipeline, context) =>
            {
                var fetch = context.ServiceProvider.GetRequiredService<IOptions<NewsMonitorOptions>>().Value.Fetch;
                if (fetch.Retries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = fetch.Retries,
                        Delay = fetch.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        // A host's Retry-After pauses that host (HostGate); the retry does not sleep on it.
                        ShouldRetryAfterHeader = false,
                        // Transient only: connection errors, 408, 5xx without Retry-After. A refused address is not
                        // transient, and 429 or a 503 with Retry-After means "wait", which the fetcher handles.
                        ShouldHandle = args => ValueTask.FromResult(
                            args.Outcome.Exception is not null
                                ? args.Outcome.Exception is HttpRequestException { InnerException: not AddressRefusedException } or Polly.Timeout.TimeoutRejectedException
                                : args.Outcome.Result is { } response && ((int)response.StatusCode is 408 || ((int)response.StatusCode >= 500 && response.Headers.RetryAfter is null))),
                    });
                }
                pipeline.AddTimeout(fetch.AttemptTimeout);
            });
        services.AddTransient<AttemptCounter>();
        var alertsClient = services.AddHttpClient(AlertDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        alertsClient.AddResilienceHandler("alerts", (pipeline, context) =>
            {
                var alerts = context.ServiceProvider.GetRequiredService<IOptions<NewsMonitorOptions>>().Value.Alerts;
                if (alerts.Retries > 0)
                {
                    // The default ShouldHandle is what a webhook's transient failure looks like: connection errors,
                    // timeouts, 408, 429 and 5xx. Retry-After is honoured, up to MaxDelay.
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = alerts.Retries,
                        Delay = alerts.RetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        MaxDelay = TimeSpan.FromMinutes(1),
                    });
                }
                pipeline.AddTimeout(alerts.AttemptTimeout);
            });
        // Inside the retry handler, so it sees every attempt.
        alertsClient.AddHttpMessageHandler<AttemptCounter>();

        services.AddSingleton<PageFetcher>();
        services.TryAddSingleton<IHostPacing, InProcessHostPacing>();
        services.AddSingleton(sp => new Lazy<QueueSender>(sp.GetRequiredService<QueueSender>));
        services.AddSingleton<AlertRuleCatalog>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<AlertSender>();
        services.AddSingleton<SourcePoller>();
        services.AddSingleton<SourceCatalog>();
        services.AddSingleton<ArticleProcessor>();
        services.AddSingleton<MonitoringCycle>();
        services.AddSingleton<MonitoringQueues>();
        services.AddSingleton<StatementIndex>();
        services.AddSingleton<StatementSearch>();
        services.AddSingleton<SpeakerDirectory>();
        services.AddSingleton<QueryApi>();
        return builder;
    }

    /// <summary>
    /// For many instances sharing one store (the Functions app): per-host pacing and pauses are kept in
    /// the store, so politeness holds across instances.
    /// </summary>
    public static IHostApplicationBuilder AddNewsMonitorScaleOut(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IHostPacing, SharedHostPacing>());
        return builder;
    }

    /// <summary>A local folder when one is configured, otherwise the Azure storage account the host uses.</summary>
    private static IBlobStore CreateBlobStore(NewsMonitorOptions options, IConfiguration configuration)
    {
        if (options.StoreDirectory is { Length: > 0 } directory) return new LocalFolderBlobStore(directory);
        if (StorageClients.IsConfigured(configuration)) return new AzureBlobStore(StorageClients.CreateBlobServiceClient(configuration));
        throw new InvalidOperationException(
            $"No store configured: set {NewsMonitorSettings.StoreDirectory} to a folder, or {NewsMonitorSettings.Storage} to an Azure Storage connection.");
    }
}
