using System.Runtime.CompilerServices;
using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Benchmarks;

/// <summary>Counts calls per operation on the store it wraps.</summary>
internal sealed class CountingBlobStore : IBlobStore
{
    private IBlobStore _inner = null!;
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public CountingBlobStore Wrap(IBlobStore inner)
    {
        _inner = inner;
        return this;
    }

    private void Count([CallerMemberName] string operation = "")
    {
        lock (_counts) _counts[operation.Replace("Async", "", StringComparison.Ordinal)] = _counts.GetValueOrDefault(operation.Replace("Async", "", StringComparison.Ordinal)) + 1;
    }

    public long Total
    {
        get
        {
            lock (_counts) return _counts.Values.Sum();
        }
    }

    public void Reset()
    {
        lock (_counts) _counts.Clear();
    }

    public string Describe(int articles)
    {
        lock (_counts)
        {
            var total = _counts.Values.Sum();
            return $"{(double)total / Math.Max(1, articles):0.0} ({string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {(double)c.Value / Math.Max(1, articles):0.0}"))})";
        }
    }

    public Task<bool> TryCreateAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default) { Count(); return _inner.TryCreateAsync(container, name, content, contentType, cancellationToken); }
    public Task PutAsync(string container, string name, BinaryData content, string contentType, CancellationToken cancellationToken = default) { Count(); return _inner.PutAsync(container, name, content, contentType, cancellationToken); }
    public Task<bool> TryReplaceAsync(string container, string name, BinaryData content, string contentType, string etag, CancellationToken cancellationToken = default) { Count(); return _inner.TryReplaceAsync(container, name, content, contentType, etag, cancellationToken); }
    public Task<StoredBlob?> GetAsync(string container, string name, CancellationToken cancellationToken = default) { Count(); return _inner.GetAsync(container, name, cancellationToken); }
    public Task<bool> ExistsAsync(string container, string name, CancellationToken cancellationToken = default) { Count(); return _inner.ExistsAsync(container, name, cancellationToken); }
    /// <summary>Counted as one call per 5,000 names, as Azure Blob Storage pages a listing.</summary>
    public async IAsyncEnumerable<string> ListAsync(string container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var listed = 0;
        await foreach (var name in _inner.ListAsync(container, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (listed++ % 5000 == 0) Count("ListAsync");
            yield return name;
        }
        if (listed == 0) Count("ListAsync");
    }
    public Task<bool> DeleteAsync(string container, string name, CancellationToken cancellationToken = default) { Count(); return _inner.DeleteAsync(container, name, cancellationToken); }
}
