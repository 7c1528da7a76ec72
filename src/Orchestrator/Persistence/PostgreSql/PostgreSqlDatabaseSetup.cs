using Npgsql;

namespace Itsm.Orchestrator.Persistence.PostgreSql;

/// <summary>
/// Several hosts may start together on one database: the first takes a session advisory lock and migrates, the
/// others wait on the lock and then find nothing pending. A host killed while migrating loses its session, and the
/// lock with it; the migration itself is transactional.
/// </summary>
internal sealed class PostgreSqlDatabaseSetup(NpgsqlDataSource dataSource) : IDatabaseSetup
{
    /// <summary>The advisory lock key of Itsm's start-up ("ITSM" in ASCII), shared by every node of one database.</summary>
    internal const long StartupLockKey = 0x4954534D;

    public string Describe()
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return $"PostgreSQL {settings.Host}:{settings.Port}/{settings.Database}";
    }

    public async Task<IAsyncDisposable> BeforeMigrationsAsync(CancellationToken cancellationToken)
    {
        await CreateDatabaseIfMissingAsync(cancellationToken).ConfigureAwait(false);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = StartupLockKey });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task AfterMigrationsAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A first start on a new server creates the database (when the account may): the lock above lives in it. Nodes
    /// racing to create it are fine: the loser's "already exists" is what it wanted.
    /// </summary>
    private async Task CreateDatabaseIfMissingAsync(CancellationToken cancellationToken)
    {
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        var database = settings.Database;
        if (string.IsNullOrEmpty(database)) return;
        try
        {
            await using var probe = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Missing: create it below.
        }

        settings.Database = "postgres";
        settings.Pooling = false;
        await using var admin = new NpgsqlConnection(settings.ConnectionString);
        await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand("CREATE DATABASE " + quoted, admin);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another node created it first.
        }
    }

    private sealed class StartupLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = StartupLockKey });
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
            finally
            {
                // Closing the session releases the lock even if the unlock failed.
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
