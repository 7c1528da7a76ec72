using Microsoft.Data.Sqlite;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>The SQLite steps <see cref="DatabaseInitializer"/> runs around the migrations.</summary>
internal static class SqliteDatabaseSetup
{
    /// <summary>
    /// Sets journal_mode=WAL, which is stored in the file: once, before the migrations write anything.
    /// Returns the mode SQLite reports (not "wal" when the file system refuses it).
    /// </summary>
    public static async Task<string?> EnableWalAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        return (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Gathers planner statistics for tables that lack them (0x10000: also examine unused tables), so the
    /// list queries pick the right index on a database that was never ANALYZEd.
    /// </summary>
    public static async Task GatherStatisticsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA optimize=0x10002;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
