using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsMonitor.Monitoring;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsMonitor.Functions;

/// <summary>The Functions app's registrations: Program.cs and the tests call the same method.</summary>
public static class DependencyInjection
{
    /// <summary>Everything the function classes need: telemetry, extraction, monitoring, scale-out pacing.</summary>
    public static IHostApplicationBuilder AddNewsMonitorFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddNewsMonitorTelemetry();
        builder.AddNewsMonitorExtraction();
        builder.AddNewsMonitorMonitoring();
        builder.AddNewsMonitorScaleOut();
        return builder;
    }

    /// <summary>
    /// OpenTelemetry for the worker (host.json sets telemetryMode to match): function invocations,
    /// outgoing HTTP and NewsMonitor's own metrics, exported to Azure Monitor only when
    /// APPLICATIONINSIGHTS_CONNECTION_STRING is set — with the app's managed identity, because the
    /// Application Insights resource accepts Entra-authenticated telemetry only.
    /// </summary>
    public static IHostApplicationBuilder AddNewsMonitorTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithMetrics(metrics => metrics.AddMeter(NewsMonitorMetrics.MeterName).AddHttpClientInstrumentation())
            .WithTracing(tracing => tracing.AddHttpClientInstrumentation());
        if (string.IsNullOrWhiteSpace(builder.Configuration[NewsMonitorSettings.ApplicationInsightsConnectionString]))
            return builder;
        var clientId = ClientIdOf(builder.Configuration["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        telemetry.UseAzureMonitorExporter(options =>
        {
            if (clientId is not null) options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        });
        return builder;
    }

    /// <summary>"ClientId=…;Authorization=AAD" → the client id.</summary>
    public static string? ClientIdOf(string? authentication)
    {
        if (string.IsNullOrWhiteSpace(authentication)) return null;
        foreach (var part in authentication.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0].Equals("ClientId", StringComparison.OrdinalIgnoreCase)) return pair[1];
        }
        return null;
    }
}
