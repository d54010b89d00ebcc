using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace NewsMonitor.Monitoring.Storage;

/// <summary>
/// Blob containers as folders on disk: <c>{root}/{container}/{name}</c>, the same layout as in Azure.
/// Writes go to a temporary file first and are moved into place, so a reader never sees half a blob
/// and "create only if absent" is atomic.
/// </summary>
public sealed class LocalFolderBlobStore : IBlobStore
{
    private static readonly TimeSpan StaleLock = TimeSpan.FromSeconds(30);

    private readonly string _root;

    public LocalFolderBlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
    }

    public string Root => _root;

    public async Task<bool> TryCreateAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default)
    {
        var path = PathOf(container, name);
        if (File.Exists(path)) return false;
        var temp = await WriteTempAsync(path, content, cancellationToken).ConfigureAwait(false);
        try
        {
            return AtomicFile.TryPublish(temp, path);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task PutAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default)
    {
        var path = PathOf(container, name);
        var temp = await WriteTempAsync(path, content, cancellationToken).ConfigureAwait(false);
        File.Move(temp, path, overwrite: true);
    }

    public async Task<bool> TryReplaceAsync(string container, string name, BinaryData content, string contentType, string etag, CancellationToken cancellationToken = default)
    {
        var path = PathOf(container, name);
        if (!File.Exists(path)) return false;
        // A lock file makes check-and-replace atomic between processes sharing the folder.
        var lockPath = path + ".lock";
        FileStream? gate = null;
        for (var attempt = 0; gate is null; attempt++)
        {
            try
            {
                gate = new FileStream(lockPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 500)
            {
                // Held by another writer (or released between our attempt and now: try again). A lock left by
                // a killed process is older than any real check-and-replace: break it.
                if (File.Exists(lockPath) && DateTime.UtcNow - File.GetLastWriteTimeUtc(lockPath) > StaleLock) File.Delete(lockPath);
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }
        await using (gate.ConfigureAwait(false))
        {
            if (!File.Exists(path)) return false;
            var current = ETagOf(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
            if (!string.Equals(current, etag, StringComparison.Ordinal)) return false;
            var temp = await WriteTempAsync(path, content, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
            return true;
        }
    }

    public async Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(container, name);
        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            return new StoredBlob(BinaryData.FromBytes(bytes), null, ETagOf(bytes));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(PathOf(container, name)));

    public async IAsyncEnumerable<string> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.ValidatePrefix(prefix);
        var folder = Path.Combine(_root, container);
        // Start at the deepest folder the prefix names, so listing one speaker's or one day's blobs does not walk the whole container.
        var start = prefix is { } p && p.LastIndexOf('/') is var slash and > 0 ? Path.Combine(folder, p[..slash].Replace('/', Path.DirectorySeparatorChar)) : folder;
        if (!Directory.Exists(start)) yield break;
        var names = Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(n => prefix is null || n.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return name;
        }
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default)
    {
        var path = PathOf(container, name);
        if (!File.Exists(path)) return Task.FromResult(false);
        File.Delete(path);
        return Task.FromResult(true);
    }

    private string PathOf(string container, string name)
    {
        BlobNames.ValidateContainer(container);
        BlobNames.ValidateName(name);
        var path = Path.GetFullPath(Path.Combine(_root, container, name.Replace('/', Path.DirectorySeparatorChar)));
        // Validation already forbids '..'; this is the belt to its braces.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{name}' resolves outside the store.", nameof(name));
        return path;
    }

    private static async Task<string> WriteTempAsync(string path, BinaryData content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, content.ToMemory(), cancellationToken).ConfigureAwait(false);
        return temp;
    }

    private static string ETagOf(byte[] bytes) => "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..32] + "\"";
}
