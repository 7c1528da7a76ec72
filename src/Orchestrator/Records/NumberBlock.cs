namespace Itsm.Orchestrator.Records;

/// <summary>
/// Hands out one counter's numbers from a block reserved in the database. A block is as large as the demand that is
/// waiting for it (capped): a lone caller reserves one number, so a quiet system has no gaps even across restarts;
/// 64 concurrent starts share one reservation instead of 64 writes on one hot row. Numbers are lost (a gap, never a
/// duplicate) only when a waiting caller gives up, or the process stops, between the reservation and its use.
/// Before this, each number was a write transaction of its own that waited on SQLite's busy handler behind the
/// group writer: A.1.1 (two numbers per start) reached 333 starts/s against 5,707 for a start without numbers.
/// </summary>
internal sealed class NumberBlock(string counter, Func<string, int, CancellationToken, Task<long>> reserve, int maxBlock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _waiting;
    private long _next = 1;
    private long _last;

    public async ValueTask<long> NextAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        var counted = true;
        try
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_next > _last)
                {
                    // Everyone queued behind the gate now (this caller included) gets a number from this reservation.
                    var size = Math.Clamp(Volatile.Read(ref _waiting), 1, maxBlock);
                    var last = await reserve(counter, size, cancellationToken).ConfigureAwait(false);
                    (_next, _last) = (last - size + 1, last);
                }

                Interlocked.Decrement(ref _waiting);
                counted = false;
                return _next++;
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            if (counted) Interlocked.Decrement(ref _waiting);
        }
    }

    public void Dispose() => _gate.Dispose();
}
