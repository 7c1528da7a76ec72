using Npgsql;

namespace Itsm.Orchestrator.Runtime.PostgreSql;

/// <summary>
/// One executor per instance across every node on one PostgreSQL database. The node's own keyed lock is taken first,
/// so a node never holds (or waits for) two advisory locks for one instance; then a session advisory lock keyed by
/// the instance id (<c>hashtextextended(id, 0)</c>, 64 bits) on a pooled connection kept for the run and released
/// after the commit. A node that dies mid-run loses its session, and the server drops its locks with it.
/// The connections come from a pool of their own (<see cref="InstanceLockConnections"/>): a run holds one while its
/// commit needs another, so sharing the store's pool would let lock holders starve their own commits under load.
/// </summary>
/// <remarks>
/// Cost: one round trip to lock and one to unlock, on a connection the pool already holds open; the caller waits for
/// the first only. The unlock is off the caller's path: the caller goes on (its commit is done) while the unlock runs,
/// and the node's own lock is held until the unlock ends, so no caller here queues behind it on the server. Measured
/// per burst, uncontended, on the shared and loaded 2-core test box (loopback cluster): awaiting both cost 0.4–1.0 ms
/// against 0.1–0.4 ms for a <c>SELECT 1</c> of the same run; with the unlock behind the caller, 0.6–0.7 ms against
/// 0.6–0.9 ms — one round trip, small beside the commit's own.
/// A waiter blocks in <c>pg_advisory_lock</c> (woken the moment the holder unlocks, no polling); at most one
/// per instance per node waits there, because the local lock queues the rest. Like the local lock it waits as long
/// as the caller's token allows, so the command has no timeout of its own.
/// </remarks>
public sealed partial class PostgreSqlInstanceLocks(
    InstanceLocks local,
    NpgsqlDataSource dataSource,
    ILogger<PostgreSqlInstanceLocks> logger) : IInstanceLocks
{
    private const string LockSql = "SELECT pg_advisory_lock(hashtextextended($1, 0))";
    private const string UnlockSql = "SELECT pg_advisory_unlock(hashtextextended($1, 0))";

    public async ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        var localLock = await local.AcquireAsync(instanceId, cancellationToken).ConfigureAwait(false);
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = Command(connection, LockSql, instanceId))
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new Held(this, instanceId, connection, localLock);
        }
        catch
        {
            // A cancelled wait may have been granted just as it was cancelled: unlock (a no-op when it was not; the
            // session is closed if even that fails), so no advisory lock outlives this call.
            if (connection is null) localLock.Dispose();
            else await ReleaseAsync(instanceId, connection, localLock).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A new instance's id is unknown to every other node until its commit: the node's own lock is enough, and a start costs no round trip.</summary>
    public ValueTask<IAsyncDisposable> AcquireNewAsync(string instanceId, CancellationToken cancellationToken)
        => ((IInstanceLocks)local).AcquireAsync(instanceId, cancellationToken);

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string instanceId)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = instanceId });
        return command;
    }

    private async Task ReleaseAsync(string instanceId, NpgsqlConnection connection, IDisposable localLock)
    {
        try
        {
            await using var command = Command(connection, UnlockSql, instanceId);
            // Never cancelled: a lock left on a pooled connection would block this instance until the pool closed it.
            await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Nobody awaits this: whatever went wrong (the server gone, the host stopping), close the session instead.
            LogUnlockFailed(ex, instanceId);
            try
            {
                await DiscardAsync(connection).ConfigureAwait(false);
            }
            catch (Exception discard) when (discard is NpgsqlException or ObjectDisposedException or InvalidOperationException)
            {
                // The data source is already gone (shutdown): so is the session.
            }
        }
        finally
        {
            localLock.Dispose();
        }
    }

    /// <summary>Closes the physical connection instead of pooling it: its session, and any lock it holds, end.</summary>
    private async ValueTask DiscardAsync(NpgsqlConnection connection)
    {
        // Clearing the pool marks connections in use as not to be reused, so closing this one ends its session.
        dataSource.Clear();
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class Held(PostgreSqlInstanceLocks owner, string instanceId, NpgsqlConnection connection, IDisposable localLock) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync()
        {
            // Not awaited (see the remarks): ReleaseAsync handles its own failures and frees the local lock last.
            if (Interlocked.Exchange(ref _disposed, 1) == 0) _ = owner.ReleaseAsync(instanceId, connection, localLock);
            return ValueTask.CompletedTask;
        }
    }

    [LoggerMessage(LogLevel.Warning, "Could not release the advisory lock of instance {InstanceId}; its connection is closed instead, which releases it")]
    private partial void LogUnlockFailed(Exception exception, string instanceId);
}
