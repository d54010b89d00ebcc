using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.IntegrationTests;

/// <summary>The one place that builds storage clients, from the settings the Functions host reads.</summary>
[Collection(AzuriteFixtureGroup.Name)]
public sealed class StorageClientsTests(AzuriteServer azurite)
{
    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public async Task A_connection_string_reaches_azurite_for_blobs_and_base64_queues()
    {
        var configuration = Configuration(new() { ["AzureWebJobsStorage"] = azurite.ConnectionString });
        Assert.True(StorageClients.IsConfigured(configuration));
        var blobs = StorageClients.CreateBlobServiceClient(configuration);
        var container = blobs.GetBlobContainerClient("clients-test");
        await container.CreateIfNotExistsAsync();
        Assert.True((await container.ExistsAsync()).Value);

        var queue = StorageClients.CreateQueueServiceClient(configuration).GetQueueClient("clients-test");
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("{\"x\":1}");
        var raw = new Azure.Storage.Queues.QueueClient(azurite.ConnectionString, "clients-test");
        var message = Assert.Single((await raw.ReceiveMessagesAsync()).Value);
        Assert.Equal("{\"x\":1}", System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.Body.ToString())));
    }

    [Fact]
    public void The_identity_form_builds_clients_for_the_service_uris()
    {
        var configuration = Configuration(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://stnewsmon.blob.core.windows.net/",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://stnewsmon.queue.core.windows.net/",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "11111111-1111-1111-1111-111111111111",
        });
        Assert.True(StorageClients.IsConfigured(configuration));
        var blobs = StorageClients.CreateBlobServiceClient(configuration);
        Assert.Equal(new Uri("https://stnewsmon.blob.core.windows.net/"), blobs.Uri);
        Assert.Equal("stnewsmon", blobs.AccountName);
        Assert.False(blobs.CanGenerateAccountSasUri); // no key: a token credential
        Assert.Equal(new Uri("https://stnewsmon.queue.core.windows.net/"), StorageClients.CreateQueueServiceClient(configuration).Uri);
    }

    [Fact]
    public void The_identity_form_reads_the_double_underscore_names_of_app_settings()
    {
        // App settings arrive as environment variables: AzureWebJobsStorage__blobServiceUri.
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables("NMTEST_").Build();
        Environment.SetEnvironmentVariable("NMTEST_AzureWebJobsStorage__blobServiceUri", "https://stnewsmon.blob.core.windows.net/");
        try
        {
            configuration = new ConfigurationBuilder().AddEnvironmentVariables("NMTEST_").Build();
            Assert.Equal("stnewsmon", StorageClients.CreateBlobServiceClient(configuration).AccountName);
        }
        finally
        {
            Environment.SetEnvironmentVariable("NMTEST_AzureWebJobsStorage__blobServiceUri", null);
        }
    }

    [Fact]
    public void Missing_or_broken_settings_name_the_setting()
    {
        var none = Configuration([]);
        Assert.False(StorageClients.IsConfigured(none));
        Assert.Contains("AzureWebJobsStorage", Assert.Throws<InvalidOperationException>(() => StorageClients.CreateBlobServiceClient(none)).Message, StringComparison.Ordinal);
        var broken = Configuration(new() { ["AzureWebJobsStorage:blobServiceUri"] = "not a uri" });
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", Assert.Throws<InvalidOperationException>(() => StorageClients.CreateBlobServiceClient(broken)).Message, StringComparison.Ordinal);
    }
}
