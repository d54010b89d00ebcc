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
        public DateTimeOffset PausedUntil = DateTimeOffset.MinValue;
        public TimeSpan? MinimumInterval;

        public void Dispose()
        {
            Slots.Dispose();
            Clock.Dispose();
        }
    }

    private readonly ConcurrentDictionary<string, HostState> _hosts = new(StringComparer.OrdinalIgnoreCase);

    private HostState State(string host) => _hosts.GetOrAdd(host, _ => new HostState(Math.Max(1, options.MaxConcurrentPerHost)));

    /// <summary>A 429 or 503 with Retry-After: no requests to this host (and only this host) until then.</summary>
    public void Pause(string host, DateTimeOffset until)
    {
        var state = State(host);
        lock (state)
            if (until > state.PausedUntil) state.PausedUntil = until;
    }

    /// <summary>When the host may be asked again, if it asked us to wait.</summary>
    public DateTimeOffset? PausedUntil(string host)
    {
        var state = State(host);
        lock (state) return state.PausedUntil > time.GetUtcNow() ? state.PausedUntil : null;
    }

    /// <summary>A longer interval between requests than configured, because the host asks for it (Crawl-delay).</summary>
    public void SetMinimumInterval(string host, TimeSpan interval)
    {
        var state = State(host);
        lock (state) state.MinimumInterval = interval > options.MaxCrawlDelay ? options.MaxCrawlDelay : interval;
    }

    /// <summary>The interval between two requests to the host.</summary>
    public TimeSpan IntervalFor(string host)
    {
        var state = State(host);
        lock (state) return state.MinimumInterval is { } asked && asked > options.MinIntervalPerHost ? asked : options.MinIntervalPerHost;
    }

    /// <summary>Waits for a turn on <paramref name="host"/>; dispose the result when the request is done.</summary>
    public async Task<IDisposable> EnterAsync(string host, CancellationToken cancellationToken)
    {
        var state = State(host);
        await state.Slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await state.Clock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var next = state.NextStart > state.PausedUntil ? state.NextStart : state.PausedUntil;
                var wait = next - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
                state.NextStart = time.GetUtcNow() + IntervalFor(host);
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
