using System.Collections.Concurrent;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// Keeps a few open <see cref="ReadSession"/>s for the hot read path. Sessions are created on demand when
/// the pool is empty; at most <c>maxIdle</c> are kept, extras are closed when returned.
/// </summary>
internal sealed class ReadSessionPool(string connectionString, int maxIdle) : IDisposable
{
    private readonly ConcurrentQueue<ReadSession> _idle = new();
    private int _idleCount;
    private volatile bool _disposed;

    public ReadSession Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            return session;
        }

        return new ReadSession(connectionString);
    }

    /// <summary>Gives a healthy session back. A session whose command threw is disposed by the caller instead.</summary>
    public void Return(ReadSession session)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > maxIdle)
        {
            if (!_disposed)
            {
                Interlocked.Decrement(ref _idleCount);
            }

            session.Dispose();
            return;
        }

        _idle.Enqueue(session);

        // Lost race with Dispose: make sure nothing stays open.
        if (_disposed)
        {
            Drain();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_idle.TryDequeue(out var session))
        {
            Interlocked.Decrement(ref _idleCount);
            session.Dispose();
        }
    }
}
