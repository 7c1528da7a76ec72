using System.Globalization;
using Hangfire;
using Npgsql;

namespace Itsm.Orchestrator.Timers.PostgreSql;

/// <summary>
/// Timers across the nodes of one PostgreSQL database. The node that scans the horizon holds a session advisory lock
/// (<c>pg_try_advisory_lock</c>) on a connection of its own, outside any pool, kept open while it leads: the lock
/// lives exactly as long as that session, so a node that stops, or is killed with SIGKILL, frees it and another node
/// takes it at its next scan interval. Armed timers are recorded in Hangfire's storage (a set in the same database,
/// next to the jobs they describe), so the scanning node neither arms a timer another node armed nor misses one a
/// dead node armed and whose job is gone (it is still pending after <see cref="TimerOptions.RearmAfter"/>).
/// </summary>
public sealed partial class PostgreSqlTimerCluster(
    JobStorage storage,
    string connectionString,
    ILogger<PostgreSqlTimerCluster> logger) : ITimerCluster, IAsyncDisposable
{
    /// <summary>The advisory lock key of the horizon scan ("ITSMTIMR" in ASCII), shared by every node of one database.</summary>
    internal const long ScanLockKey = 0x4954534D_54494D52;

    /// <summary>The Hangfire set holding one <c>bookmark|due ticks|armed ticks</c> item per arming.</summary>
    internal const string ArmedSetKey = "itsm:armed-timers";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlConnection? _lock;

    public async Task<bool> IsScanningNodeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_lock is not null)
            {
                if (await IsAliveAsync(_lock, cancellationToken).ConfigureAwait(false)) return true;
                // The session is gone (the server restarted, the network broke): so is the lock. Try again below.
                await _lock.DisposeAsync().ConfigureAwait(false);
                _lock = null;
                LogLeadershipLost(logger);
            }

            var connection = new NpgsqlConnection(Dedicated(connectionString));
            try
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = ScanLockKey });
                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                {
                    _lock = connection;
                    LogLeading(logger);
                    return true;
                }
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            await connection.DisposeAsync().ConfigureAwait(false);
            return false;
        }
        finally
        {
            _gate.Release();
        }
    }

    public IReadOnlyCollection<ArmedTimer> ReadArmed()
    {
        using var connection = storage.GetConnection();
        var items = connection.GetAllItemsFromSet(ArmedSetKey);
        var armed = new List<ArmedTimer>(items.Count);
        foreach (var item in items)
            if (TryParse(item, out var timer)) armed.Add(timer);
        return armed;
    }

    public void RecordArmed(IReadOnlyCollection<ArmedTimer> timers) => Write(timers, (transaction, item) => transaction.AddToSet(ArmedSetKey, item));

    public void Forget(IReadOnlyCollection<ArmedTimer> timers) => Write(timers, (transaction, item) => transaction.RemoveFromSet(ArmedSetKey, item));

    public async ValueTask DisposeAsync()
    {
        // Closing the session frees the lock at once: another node scans from its next interval.
        if (_lock is not null) await _lock.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    internal static string Format(ArmedTimer timer) => string.Create(CultureInfo.InvariantCulture,
        $"{timer.BookmarkId}|{timer.DueAt.UtcTicks}|{timer.ArmedAt.UtcTicks}");

    internal static bool TryParse(string item, out ArmedTimer timer)
    {
        timer = default;
        var parts = item.Split('|');
        if (parts.Length != 3
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var due)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var armed))
            return false;
        timer = new ArmedTimer(parts[0], new DateTimeOffset(due, TimeSpan.Zero), new DateTimeOffset(armed, TimeSpan.Zero));
        return true;
    }

    /// <summary>The lock's own session: never from a pool, which would keep the lock alive after this node let go.</summary>
    internal static string Dedicated(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Pooling = false,
        ApplicationName = "itsm-timer-horizon",
    }.ConnectionString;

    private void Write(IReadOnlyCollection<ArmedTimer> timers, Action<Hangfire.Storage.IWriteOnlyTransaction, string> change)
    {
        if (timers.Count == 0) return;
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        foreach (var timer in timers) change(transaction, Format(timer));
        transaction.Commit();
    }

    private static async Task<bool> IsAliveAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "This node now scans the timer horizon for the cluster")]
    private static partial void LogLeading(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "This node lost its session holding the timer horizon's lock; it tries to take the lock again")]
    private static partial void LogLeadershipLost(ILogger logger);
}
