using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Monitoring;

namespace NewsMonitor.Functions.Tests;

public sealed class TelemetryTests
{
    private static bool ExportsToAzureMonitor(IServiceCollection services) =>
        services.Any(d => (d.ImplementationType ?? d.ServiceType).FullName?.StartsWith("Azure.Monitor.OpenTelemetry", StringComparison.Ordinal) == true
                          || d.ImplementationInstance?.GetType().FullName?.StartsWith("Azure.Monitor.OpenTelemetry", StringComparison.Ordinal) == true);

    private static IServiceCollection Services(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings { DisableDefaults = true });
        Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(builder.Configuration, settings);
        builder.AddNewsMonitorTelemetry();
        return builder.Services;
    }

    [Fact]
    public void Telemetry_goes_to_azure_monitor_only_when_a_connection_string_is_set()
    {
        Assert.False(ExportsToAzureMonitor(Services([])));
        Assert.True(ExportsToAzureMonitor(Services(new()
        {
            [NewsMonitorSettings.ApplicationInsightsConnectionString] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/",
            ["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] = "ClientId=11111111-1111-1111-1111-111111111111;Authorization=AAD",
        })));
    }

    [Theory]
    [InlineData("ClientId=abc;Authorization=AAD", "abc")]
    [InlineData("Authorization=AAD; clientid = def ", "def")]
    [InlineData("Authorization=AAD", null)]
    [InlineData(null, null)]
    public void The_managed_identity_comes_from_the_authentication_string(string? value, string? clientId) =>
        Assert.Equal(clientId, DependencyInjection.ClientIdOf(value));

    [Fact]
    public void Host_json_asks_the_host_for_opentelemetry_too()
    {
        using var host = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "host.json")));
        Assert.Equal("OpenTelemetry", host.RootElement.GetProperty("telemetryMode").GetString());
    }
}
