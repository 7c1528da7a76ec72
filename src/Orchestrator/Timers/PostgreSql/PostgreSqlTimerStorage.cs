using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

namespace Itsm.Orchestrator.Timers.PostgreSql;

/// <summary>
/// Hangfire's PostgreSQL storage, in schema <c>hangfire</c> of Itsm's database, so any node's workers fire any
/// timer. Hangfire.PostgreSql's install scripts take no lock of their own (1.21.1: plain <c>CREATE … IF NOT EXISTS</c>
/// and a version row, which race into duplicate-key errors when two nodes create the schema together), so the
/// storage is created under a session advisory lock: the first node installs, the others wait and find it done.
/// </summary>
public static class PostgreSqlTimerStorage
{
    /// <summary>The advisory lock key of the Hangfire schema's installation ("ITSMHANG" in ASCII).</summary>
    internal const long SchemaLockKey = 0x4954534D_48414E47;

    public const string SchemaName = "hangfire";

    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Storage options for timers due within a second. A due job moves from the schedule to the queue at the
    /// server's <see cref="TimerOptions.SchedulePollingInterval"/> (200 ms); long polling (LISTEN/NOTIFY: an enqueue
    /// on any node wakes every node's workers) then hands it to a worker at once, so the 1 s queue poll is only the
    /// fallback for a missed notification (Hangfire.PostgreSql's default is 15 s). Measured on this machine's
    /// PostgreSQL 15 under load (8 Delays of 3 s each, one node): within 0.1 s of due with long polling, the same as
    /// in-memory storage; without it, one of the eight came 0.76 s late. A job a killed node had fetched comes back
    /// after the invisibility timeout (sliding, so a long run is not fetched twice); the horizon re-arms such a
    /// timer sooner, after <see cref="TimerOptions.RearmAfter"/>.
    /// </summary>
    public static PostgreSqlStorageOptions Options() => new()
    {
        SchemaName = SchemaName,
        PrepareSchemaIfNecessary = true,
        EnableLongPolling = true,
        QueuePollInterval = TimeSpan.FromSeconds(1),
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
        UseSlidingInvisibilityTimeout = true,
        DistributedLockTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>Creates the storage, installing or upgrading its schema while holding the schema lock.</summary>
    public static PostgreSqlStorage Create(string connectionString)
    {
        // Hangfire builds its storage synchronously inside a service factory: no async path exists here.
        using var connection = new NpgsqlConnection(PostgreSqlTimerCluster.Dedicated(connectionString));
        connection.Open();
        using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection))
        {
            take.Parameters.Add(new NpgsqlParameter { Value = SchemaLockKey });
            // Waiting for another node's installation (twenty scripts) can outlast the default 30 s on a busy server.
            take.CommandTimeout = (int)LockWait.TotalSeconds;
            take.ExecuteNonQuery();
        }

        // Disposing the lock's own session (no pool) releases the lock, also when the installation failed.
        var options = Options();
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(WithPatientCommands(connectionString), options), options);
        // Hangfire.PostgreSql logs a failed install script and carries on: a node must not run without its timers.
        using var check = new NpgsqlCommand($"SELECT to_regclass('{SchemaName}.job') IS NOT NULL AND to_regclass('{SchemaName}.set') IS NOT NULL", connection);
        if (check.ExecuteScalar() is not true)
            throw new InvalidOperationException($"Hangfire's schema '{SchemaName}' could not be installed in the database; see the log above for the failing script.");
        return storage;
    }

    /// <summary>
    /// Hangfire's connections wait up to 2 min for a command (Npgsql's default is 30 s): installing its twenty scripts
    /// on a busy server took longer, and a timed-out script leaves the schema half made. A connection string that
    /// sets its own timeout keeps it.
    /// </summary>
    private static string WithPatientCommands(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase)) settings.CommandTimeout = 120;
        return settings.ConnectionString;
    }
}
