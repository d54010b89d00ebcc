using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace NewsMonitor.Monitoring.Storage;

/// <summary>Blob containers in Azure Blob Storage (or Azurite). Conditional writes use ETags and If-None-Match: *.</summary>
public sealed class AzureBlobStore(BlobServiceClient service) : IBlobStore
{
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new(StringComparer.Ordinal);

    public Task<bool> TryCreateAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default) =>
        WriteAsync(container, name, async blob =>
        {
            try
            {
                await blob.UploadAsync(content, new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                }, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && e.ErrorCode != BlobErrorCode.ContainerNotFound)
            {
                return false;
            }
        });

    public Task PutAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default) =>
        WriteAsync(container, name, async blob =>
        {
            await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken).ConfigureAwait(false);
            return true;
        });

    public async Task<bool> TryReplaceAsync(string container, string name, BinaryData content, string contentType, string etag, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(container, name).ConfigureAwait(false);
        try
        {
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                Conditions = new BlobRequestConditions { IfMatch = new ETag(etag) },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// Writes, and when the container turns out to be gone (deleted, or storage restored without it),
    /// creates it again and writes once more, instead of failing every write until a restart.
    /// </summary>
    private async Task<bool> WriteAsync(string container, string name, Func<BlobClient, Task<bool>> write)
    {
        var blob = await BlobAsync(container, name).ConfigureAwait(false);
        try
        {
            return await write(blob).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            _containers.TryRemove(container, out _);
            return await write(await BlobAsync(container, name).ConfigureAwait(false)).ConfigureAwait(false);
        }
    }

    public async Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(container, name).ConfigureAwait(false);
        try
        {
            var result = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return new StoredBlob(result.Value.Content, result.Value.Details.ContentType, result.Value.Details.ETag.ToString("H"));
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(container, name).ConfigureAwait(false);
        return (await blob.ExistsAsync(cancellationToken).ConfigureAwait(false)).Value;
    }

    public async IAsyncEnumerable<string> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobNames.ValidatePrefix(prefix);
        var client = await ContainerAsync(container).ConfigureAwait(false);
        await foreach (var item in client.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
            yield return item.Name;
    }

    public async Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var blob = await BlobAsync(container, name).ConfigureAwait(false);
        return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
    }

    private async Task<BlobClient> BlobAsync(string container, string name)
    {
        BlobNames.ValidateName(name);
        var client = await ContainerAsync(container).ConfigureAwait(false);
        return client.GetBlobClient(name);
    }

    private Task<BlobContainerClient> ContainerAsync(string container)
    {
        BlobNames.ValidateContainer(container);
        // Created on first use, once per process; a failed creation is retried on the next call.
        var lazy = _containers.GetOrAdd(container, c => new Lazy<Task<BlobContainerClient>>(() => CreateContainerAsync(c)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled) _containers.TryRemove(new KeyValuePair<string, Lazy<Task<BlobContainerClient>>>(container, lazy));
        return task;
    }

    private async Task<BlobContainerClient> CreateContainerAsync(string container)
    {
        var client = service.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    }
}
