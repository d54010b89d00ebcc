using NewsMonitor.Monitoring.Storage;

namespace NewsMonitor.Monitoring.Fetching;

/// <summary>Paces requests to a host across everything that fetches for this store.</summary>
public interface IHostPacing
{
    /// <summary>Claims the host's next request slot. Null: go ahead now. Otherwise: how long until a slot is free.</summary>
    Task<TimeSpan?> ReserveAsync(string host, CancellationToken cancellationToken);

    /// <summary>The host asked us to wait (429/503 Retry-After): nobody asks it again before <paramref name="until"/>.</summary>
    Task PauseAsync(string host, DateTimeOffset until, CancellationToken cancellationToken);
}

/// <summary>One process fetches (the CLI): <see cref="HostGate"/> paces in memory; nothing to share.</summary>
public sealed class InProcessHostPacing : IHostPacing
{
    public Task<TimeSpan?> ReserveAsync(string host, CancellationToken cancellationToken) => Task.FromResult<TimeSpan?>(null);

    public Task PauseAsync(string host, DateTimeOffset until, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Many instances fetch (the scaled-out Functions app): each host's next free slot is a small blob,
/// claimed with an ETag-conditional write, so the per-host interval and pauses hold across instances.
/// A caller that gets a wait re-enqueues its work with that visibility delay instead of sleeping.
/// </summary>
public sealed class SharedHostPacing(IBlobStore blobs, HostGate gate, TimeProvider time) : IHostPacing
{
    private const int Attempts = 5;

    private sealed record HostSlot(string Host, DateTimeOffset NextSlot);

    public async Task<TimeSpan?> ReserveAsync(string host, CancellationToken cancellationToken)
    {
        var interval = gate.IntervalFor(host);
        if (interval <= TimeSpan.Zero && gate.PausedUntil(host) is null) return null;
        var name = NameOf(host);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var now = time.GetUtcNow();
            var current = await blobs.GetAsync(StoreLayout.StateContainer, name, cancellationToken).ConfigureAwait(false);
            var slot = current is null ? null : NewsMonitorJson.FromBinary<HostSlot>(current.Content);
            if (slot is not null && slot.NextSlot > now + TimeSpan.FromMilliseconds(20)) return slot.NextSlot - now;
            var next = NewsMonitorJson.ToBinary(new HostSlot(host, now + interval));
            var claimed = current is null
                ? await blobs.TryCreateAsync(StoreLayout.StateContainer, name, next, "application/json", cancellationToken).ConfigureAwait(false)
                : await blobs.TryReplaceAsync(StoreLayout.StateContainer, name, next, "application/json", current.ETag, cancellationToken).ConfigureAwait(false);
            if (claimed) return null;
        }
        return interval; // contended: try again one interval later
    }

    public async Task PauseAsync(string host, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var name = NameOf(host);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await blobs.GetAsync(StoreLayout.StateContainer, name, cancellationToken).ConfigureAwait(false);
            var slot = current is null ? null : NewsMonitorJson.FromBinary<HostSlot>(current.Content);
            if (slot is not null && slot.NextSlot >= until) return;
            var paused = NewsMonitorJson.ToBinary(new HostSlot(host, until));
            var written = current is null
                ? await blobs.TryCreateAsync(StoreLayout.StateContainer, name, paused, "application/json", cancellationToken).ConfigureAwait(false)
                : await blobs.TryReplaceAsync(StoreLayout.StateContainer, name, paused, "application/json", current.ETag, cancellationToken).ConfigureAwait(false);
            if (written) return;
        }
    }

    private static string NameOf(string host) => $"hosts/{UrlKeys.Hash(host.ToLowerInvariant())}.json";
}
