namespace NewsMonitor.Monitoring.Storage;

/// <summary>A stored blob's content and version tag.</summary>
public sealed record StoredBlob(BinaryData Content, string? ContentType, string ETag);

/// <summary>
/// Blob containers, as Azure Blob Storage has them. One contract, two implementations: Azure (or
/// Azurite) and a local folder with the same container/blob layout. Every NewsMonitor store goes through it.
/// </summary>
/// <remarks>
/// Names are validated: containers are lower-case letters, digits and hyphens; blob names are
/// '/'-separated segments of letters, digits, '-', '_' and '.', never '..'. Data from the web never
/// becomes a name except through a hash.
/// </remarks>
public interface IBlobStore
{
    /// <summary>Writes the blob only if it does not exist yet. Returns false (and changes nothing) when it does.</summary>
    Task<bool> TryCreateAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Writes the blob, replacing any existing one.</summary>
    Task PutAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default);

    /// <summary>Replaces the blob only if its version is still <paramref name="etag"/>. Returns false when someone else changed it.</summary>
    Task<bool> TryReplaceAsync(string container, string name, BinaryData content, string contentType, string etag, CancellationToken cancellationToken = default);

    /// <summary>The blob, or null when it does not exist.</summary>
    Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default);

    /// <summary>Names of the blobs in <paramref name="container"/> starting with <paramref name="prefix"/>, in ordinal order.</summary>
    IAsyncEnumerable<string> ListAsync(string container, string? prefix = null, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default);
}
