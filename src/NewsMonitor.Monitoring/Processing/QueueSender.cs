using System.Collections.Concurrent;
using Azure.Storage.Queues;

namespace NewsMonitor.Monitoring.Processing;

/// <summary>Sends work messages to Azure Storage queues (base64 bodies, as queue triggers expect).</summary>
public sealed class QueueSender(QueueServiceClient service)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);

    public async Task EnqueueAsync<T>(string queue, T message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        var client = await QueueAsync(queue).ConfigureAwait(false);
        await client.SendMessageAsync(QueueMessages.Serialize(message), delay, timeToLive: null, cancellationToken).ConfigureAwait(false);
    }

    private Task<QueueClient> QueueAsync(string name)
    {
        var lazy = _queues.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = service.GetQueueClient(n);
            await client.CreateIfNotExistsAsync().ConfigureAwait(false);
            return client;
        }));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled) _queues.TryRemove(new KeyValuePair<string, Lazy<Task<QueueClient>>>(name, lazy));
        return task;
    }
}
