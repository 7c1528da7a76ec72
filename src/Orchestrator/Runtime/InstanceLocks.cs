namespace Itsm.Orchestrator.Runtime;

/// <summary>
/// One executor per instance on this node: a keyed async lock, created on demand and dropped when the last
/// waiter leaves. Enough for one node (SQLite); on PostgreSQL <c>PostgreSqlInstanceLocks</c> takes this one first and
/// then a cluster-wide advisory lock.
/// </summary>
public sealed class InstanceLocks : IInstanceLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<IDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(instanceId, out entry!))
                _entries[instanceId] = entry = new Entry();
            entry.References++;
        }
        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(instanceId, entry, held: false);
            throw;
        }
        return new Releaser(this, instanceId, entry);
    }

    async ValueTask<IAsyncDisposable> IInstanceLocks.AcquireAsync(string instanceId, CancellationToken cancellationToken)
        => (Releaser)await AcquireAsync(instanceId, cancellationToken).ConfigureAwait(false);

    private void Release(string instanceId, Entry entry, bool held)
    {
        lock (_entries)
        {
            if (held) entry.Semaphore.Release();
            if (--entry.References == 0) _entries.Remove(instanceId);
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int References { get; set; }
    }

    private sealed class Releaser(InstanceLocks owner, string instanceId, Entry entry) : IDisposable, IAsyncDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Release(instanceId, entry, held: true);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
