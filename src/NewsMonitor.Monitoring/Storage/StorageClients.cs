using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace NewsMonitor.Monitoring.Storage;

/// <summary>
/// Builds the Azure Storage clients from the setting the Functions host reads (<c>AzureWebJobsStorage</c>):
/// either a connection string (Azurite, local) or the identity form
/// (<c>AzureWebJobsStorage__blobServiceUri</c>, <c>__queueServiceUri</c>, <c>__credential</c>, <c>__clientId</c>).
/// The one place that does; nothing else reads these settings.
/// </summary>
public static class StorageClients
{
    public const string BlobServiceUri = "blobServiceUri";
    public const string QueueServiceUri = "queueServiceUri";
    public const string Credential = "credential";
    public const string ClientId = "clientId";

    /// <summary>True when configuration names an Azure storage account in either form.</summary>
    public static bool IsConfigured(IConfiguration configuration, string name = NewsMonitorSettings.Storage) =>
        !string.IsNullOrWhiteSpace(configuration[name]) || !string.IsNullOrWhiteSpace(configuration.GetSection(name)[BlobServiceUri]);

    public static BlobServiceClient CreateBlobServiceClient(IConfiguration configuration, string name = NewsMonitorSettings.Storage)
    {
        var options = Retrying(new BlobClientOptions(), configuration);
        if (configuration[name] is { Length: > 0 } connectionString)
            return new BlobServiceClient(connectionString, options);
        var section = configuration.GetSection(name);
        var uri = section[BlobServiceUri] ?? throw Missing(name, BlobServiceUri);
        return new BlobServiceClient(ParseUri(name, BlobServiceUri, uri), CreateCredential(section), options);
    }

    public static QueueServiceClient CreateQueueServiceClient(IConfiguration configuration, string name = NewsMonitorSettings.Storage)
    {
        // Queue triggers read base64 bodies by default; send what they expect.
        var options = Retrying(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, configuration);
        if (configuration[name] is { Length: > 0 } connectionString)
            return new QueueServiceClient(connectionString, options);
        var section = configuration.GetSection(name);
        var uri = section[QueueServiceUri] ?? throw Missing(name, QueueServiceUri);
        return new QueueServiceClient(ParseUri(name, QueueServiceUri, uri), CreateCredential(section), options);
    }

    /// <summary>The SDK's retries, tunable with NewsMonitor:Storage:Retries and :RetryDelay (tests of outages keep them short).</summary>
    private static T Retrying<T>(T options, IConfiguration configuration) where T : ClientOptions
    {
        var section = configuration.GetSection("NewsMonitor:Storage");
        if (int.TryParse(section["Retries"], System.Globalization.CultureInfo.InvariantCulture, out var retries)) options.Retry.MaxRetries = retries;
        if (TimeSpan.TryParse(section["RetryDelay"], System.Globalization.CultureInfo.InvariantCulture, out var delay)) options.Retry.Delay = delay;
        return options;
    }

    private static TokenCredential CreateCredential(IConfigurationSection section)
    {
        var clientId = section[ClientId];
        // "managedidentity" with a client id means the user-assigned identity the infrastructure grants roles to.
        if (string.Equals(section[Credential], "managedidentity", StringComparison.OrdinalIgnoreCase))
            return string.IsNullOrEmpty(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }

    private static Uri ParseUri(string name, string key, string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new InvalidOperationException($"Setting {name}__{key} is not an absolute http(s) URI: '{value}'.");

    private static InvalidOperationException Missing(string name, string key) =>
        new($"Storage is not configured: set {name} to a connection string, or {name}__{key} (with {name}__credential) to use an identity.");
}
