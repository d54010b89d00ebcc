using System.Collections.Concurrent;

namespace NewsMonitor.Monitoring.Fetching;

/// <summary>
/// Per-host politeness inside one process: at most N requests in flight to a host, and a minimum
/// interval between the starts of two requests to it.
/// </summary>
public sealed class HostGate(FetchOptions options, TimeProvider time) : IDisposable
{
    private sealed class HostState(int concurrency) : IDisposable
    {
        public readonly SemaphoreSlim Slots = new(concurrency, concurrency);
        public readonly SemaphoreSlim Clock = new(1, 1);
        public DateTimeOffset NextStart = DateTimeOffset.MinValue;

        public void Dispose()
        {
            Slots.Dispose();
            Clock.Dispose();
        }
    }

    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a turn on <paramref name="host"/>; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(string host, CancellationToken cancellationToken)
    {
        var state = _hosts.GetOrAdd(host, _ => new HostState(Math.Max(1, options.MaxConcurrentPerHost)));
        await state.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await state.Clock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var wait = state.NextStart - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                state.NextStart = time.GetUtcNow() + options.MinIntervalPerHost;
            }
            finally
            {
                state.Clock.Release();
            }
        }
        catch
        {
            state.Slots.Release();
            throw;
        }
        return new Turn(state.Slots);
    }

    public void Dispose()
    {
        foreach (var state in _hosts.Values) state.Dispose();
        _hosts.Clear();
    }

    private sealed class Turn(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) slots.Release();
        }
    }
}
