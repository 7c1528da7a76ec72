using Microsoft.Data.Sqlite;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>Opens raw connections configured the way every Itsm connection must be.</summary>
internal static class SqliteConnections
{
    /// <summary>
    /// WAL with synchronous=NORMAL is durable across application crashes and only loses the last
    /// transactions on power loss, at a fraction of the fsync cost of FULL. The journal mode itself is
    /// persistent and set once by <see cref="DatabaseInitializer"/>. SQLite's default auto-checkpoint (1,000 pages)
    /// is kept on purpose: measured here, 4,000 and 10,000 pages gave no more throughput but 20–60 ms commit
    /// stalls whenever the bigger checkpoint ran, which became the p99 of webhook starts.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA synchronous=NORMAL;";

    public static SqliteConnection Open(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
            // These connections run statements through SQLitePCL directly (the group writer), which bypasses
            // Microsoft.Data.Sqlite's own SQLITE_BUSY retry loop: without SQLite's busy handler, the writer's BEGIN
            // IMMEDIATE failed at once ("database is locked", a 500 to the caller) whenever an EF transaction — a record
            // number, a definition save — held the write lock for a moment (5 % of A.1.1 starts under load).
            var busyMs = (int)Math.Min(int.MaxValue, new SqliteConnectionStringBuilder(connectionString).DefaultTimeout * 1000L);
            SQLitePCL.raw.sqlite3_busy_timeout(connection.Handle, busyMs);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
