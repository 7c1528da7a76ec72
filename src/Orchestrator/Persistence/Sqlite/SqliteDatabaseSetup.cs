using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Itsm.Orchestrator.Persistence.Sqlite;

/// <summary>
/// The SQLite steps around the migrations: the data folder and an empty database file, both private (0700/0600 on
/// Unix: they hold every instance's data), journal_mode=WAL before the migrations write anything, and planner
/// statistics afterwards.
/// </summary>
internal sealed partial class SqliteDatabaseSetup(IOptions<PersistenceOptions> options, ILogger<SqliteDatabaseSetup> logger) : IDatabaseSetup
{
    public string Describe() => $"SQLite {options.Value.DatabasePath}";

    public async Task<IAsyncDisposable> BeforeMigrationsAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        Security.PrivateFiles.CreateDirectory(settings.DataDirectory);
        Security.PrivateFiles.CreateEmptyFile(settings.DatabasePath);
        var mode = await EnableWalAsync(settings.ConnectionString, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase)) LogJournalModeNotWal(logger, mode);
        return NoLock.Instance;
    }

    public Task AfterMigrationsAsync(CancellationToken cancellationToken) => GatherStatisticsAsync(options.Value.ConnectionString, cancellationToken);

    /// <summary>
    /// Sets journal_mode=WAL, which is stored in the file: once, before the migrations write anything.
    /// Returns the mode SQLite reports (not "wal" when the file system refuses it).
    /// </summary>
    private static async Task<string?> EnableWalAsync(string connectionString, CancellationToken cancellationToken)
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
    private static async Task GatherStatisticsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA optimize=0x10002;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One process owns a SQLite file: nothing to hold.</summary>
    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite refused WAL journal mode (mode is {JournalMode}); commits will be slower")]
    private static partial void LogJournalModeNotWal(ILogger logger, string? journalMode);
}
